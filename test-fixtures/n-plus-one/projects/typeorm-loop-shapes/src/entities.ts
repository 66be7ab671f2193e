// valid
import { Column, Entity, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';

@Entity()
export class Shelf {
  @PrimaryGeneratedColumn() id: number;
  @Column() title: string;
  @OneToMany(() => Book, (book) => book.shelf) books: Book[];
}

@Entity()
export class Book {
  @PrimaryGeneratedColumn() id: number;
  @Column() title: string;
  @Column() position: number;
  @ManyToOne(() => Shelf, (shelf) => shelf.books) shelf: Shelf;
}

@Entity()
export class Reader {
  @PrimaryGeneratedColumn() id: number;
  @Column() clubId: number;
}
