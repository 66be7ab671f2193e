import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Book, Reader, Shelf } from './entities';

export class TitleTooLongError {
  constructor(readonly title: string) {}
}

export interface Progress {
  next(report: { completed: number; total: number }): void;
}

@Injectable()
export class ShelvesService {
  constructor(
    @InjectRepository(Shelf) private readonly shelves: Repository<Shelf>,
    @InjectRepository(Book) private readonly books: Repository<Book>,
    @InjectRepository(Reader) private readonly readers: Repository<Reader>,
  ) {}

  async addBook(shelf: Shelf, title: string, position: number): Promise<Book> {
    return this.books.save(this.books.create({ title, position, shelf }));
  }

  /** Each new book is appended to the shelf's list: the next call reads none of it. */
  async createShelf(title: string, bookTitles: string[]): Promise<Shelf> {
    const shelf = await this.shelves.save(this.shelves.create({ title, books: [] }));
    for (const [position, bookTitle] of bookTitles.entries()) {
      const book = await this.addBook(shelf, bookTitle, position);
//                       ^^^^^^^^^^^^ n-plus-one
      shelf.books.push(book);
    }
    return shelf;
  }

  /** The position comes from the books added so far: each call waits for the one before. */
  async appendBooks(shelf: Shelf, bookTitles: string[]): Promise<Shelf> {
    for (const bookTitle of bookTitles) {
      shelf.books.push(await this.addBook(shelf, bookTitle, shelf.books.length));
    }
    return shelf;
  }

  /** Each book holds its shelf; saving it reads nothing the loop appended. */
  async shelveBooks(shelf: Shelf, books: Book[]): Promise<Shelf> {
    for (const book of books) {
      book.shelf = shelf;
      let saved: Book;
      try {
        saved = await this.books.save(book);
//                    ^^^^^^^^^^^^^^^ n-plus-one
      } catch (error) {
        throw new Error(`could not shelve ${book.title}: ${String(error)}`);
      }
      shelf.books.push(saved);
    }
    return shelf;
  }

  /** Each position counts the books shelved before it. */
  async shelveInOrder(shelf: Shelf, books: Book[]): Promise<Shelf> {
    for (const book of books) {
      book.position = shelf.books.length;
      shelf.books.push(await this.books.save(book));
    }
    return shelf;
  }

  /** A failure hands back an error result: on success every title is written. */
  async renameBooks(renames: Array<{ id: number; title: string }>): Promise<TitleTooLongError | true> {
    for (const rename of renames) {
      const result = await this.books.update(rename.id, { title: rename.title });
//                         ^^^^^^^^^^^^^^^^^ n-plus-one
      if (!result.affected) {
        return new TitleTooLongError(rename.title);
      }
    }
    return true;
  }

  /** A search that stops at the first free title. */
  async freeTitle(candidates: string[]): Promise<string | undefined> {
    for (const candidate of candidates) {
      const taken = await this.books.findOneBy({ title: candidate });
      if (!taken) {
        return candidate;
      }
    }
    return undefined;
  }

  async joinClub(readerId: number, clubId: number): Promise<Reader> {
    await this.readers.update(readerId, { clubId });
    return this.readers.findOneByOrFail({ id: readerId });
  }

  /** The reader is reloaded by the same id each time: nothing passes from one call to the next. */
  async joinClubs(readerId: number, clubIds: number[]): Promise<Reader> {
    let reader = await this.readers.findOneByOrFail({ id: readerId });
    for (const clubId of clubIds) {
      reader = await this.joinClub(reader.id, clubId);
//                   ^^^^^^^^^^^^^ n-plus-one
    }
    return reader;
  }

  /** Each step starts from the club the last one chose. */
  async followClubs(readerId: number, hops: number[]): Promise<Reader> {
    let reader = await this.readers.findOneByOrFail({ id: readerId });
    for (const hop of hops) {
      reader = await this.joinClub(reader.id, reader.clubId + hop);
    }
    return reader;
  }

  /** The rows of each page, one write each, reported as they go. */
  async retitleAll(progress: Progress): Promise<void> {
    const total = await this.books.count();
    let page: Book[] = [];
    let skip = 0;
    let completed = 0;
    do {
      page = await this.books.createQueryBuilder('book').skip(skip).take(200).getMany();
      for (const book of page) {
        await this.books.update(book.id, { title: book.title.trim() });
//            ^^^^^^^^^^^^^^^^^ n-plus-one
        completed++;
        progress.next({ completed, total });
      }
      skip += page.length;
    } while (page.length === 200);
  }

  /** A list handed in, reported item by item. */
  async retitle(books: Book[], progress: Progress): Promise<void> {
    let completed = 0;
    for (const book of books) {
      await this.books.update(book.id, { title: book.title.trim() });
      completed++;
      progress.next({ completed, total: books.length });
    }
  }
}
