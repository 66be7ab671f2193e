import { EntityRepository } from '@mikro-orm/postgresql';
import { InjectRepository } from '@mikro-orm/nestjs';
import { Injectable } from '@nestjs/common';
import { Book } from '../entities/Book';

@Injectable()
export class BooksService {
  constructor(@InjectRepository(Book) private readonly books: EntityRepository<Book>) {}

  async summaries() {
    const books = await this.books.findAll();
    const rows = [];
    for (const book of books) {
      const author = await book.author.load();
//                         ^^^^^^^^^^^^^^^^ n-plus-one
      await book.tags.init();
//          ^^^^^^^^^^^^^^ n-plus-one
      rows.push({ title: book.title, author: author?.name, tags: book.tags.getItems().map((tag) => tag.label) });
    }
    return rows;
  }

  async populated() {
    const books = await this.books.findAll({ populate: ['author', 'tags'] });
    return books.map((book) => ({ title: book.title, author: book.author.getEntity().name }));
  }
}
