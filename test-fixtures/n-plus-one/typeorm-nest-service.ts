import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Column, DataSource, Entity, ManyToOne, OneToMany, PrimaryGeneratedColumn, Repository } from 'typeorm';

@Entity()
export class Author {
  @PrimaryGeneratedColumn() id!: number;
  @Column() name!: string;
  @OneToMany(() => Book, (book) => book.author) books!: Promise<Book[]>;
}

@Entity()
export class Book {
  @PrimaryGeneratedColumn() id!: number;
  @Column() title!: string;
  @Column() authorId!: number;
  @ManyToOne(() => Author, (author) => author.books, { lazy: true }) author!: Promise<Author>;
  @ManyToOne(() => Author) editor!: Author;
}

@Injectable()
export class BookService {
  constructor(
    @InjectRepository(Book) private readonly books: Repository<Book>,
    @InjectRepository(Author) private readonly authors: Repository<Author>,
    private readonly dataSource: DataSource,
  ) {}

  async titlesWithAuthors() {
    const books = await this.books.find();
    const rows = [];
    for (const book of books) {
      const author = await this.authors.findOneBy({ id: book.authorId });
//                         ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      const lazyAuthor = await book.author;
//                             ^^^^^^^^^^^ n-plus-one
      rows.push({ title: book.title, author: author?.name, lazy: lazyAuthor.name, editor: book.editor.name });
    }
    return rows;
  }

  async bookCounts(authorIds: number[]) {
    const counts = [];
    for (const authorId of authorIds) {
      counts.push(await this.dataSource.getRepository(Book).count({ where: { authorId } }));
//                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      counts.push(await this.dataSource.manager.countBy(Book, { authorId }));
//                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return counts;
  }

  async latest(authorIds: number[]) {
    const latest = [];
    for (const authorId of authorIds) {
      latest.push(
        await this.books.createQueryBuilder('book').where('book.authorId = :authorId', { authorId }).orderBy('book.id', 'DESC').getOne(),
//            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      );
    }
    return latest;
  }

  async renameAll(ids: number[], name: string) {
    await this.dataSource.transaction(async (manager) => {
      for (const id of ids) {
        await manager.update(Author, { id }, { name });
//            ^^^^^^^^^^^^^^ n-plus-one
      }
    });
  }
}
