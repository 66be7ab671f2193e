// valid
import { Injectable } from '@nestjs/common';
import { Book } from './entities';
import { Session, Store } from './store';

@Injectable()
export class ShelfBooksService {
  constructor(private readonly store: Store) {}

  booksOnShelf(session: Session, shelfId: number): Promise<Book[]> {
    return this.store
      .getRepository(session, Book)
      .createQueryBuilder('book')
      .where('book.shelfId = :shelfId', { shelfId })
      .orderBy('book.position')
      .getMany();
  }

  featured(session: Session): Promise<Book[]> {
    return this.store.getRepository(session, Book).createQueryBuilder('book').where('book.position = :first', { first: 0 }).getMany();
  }

  sortedQuery(session: Session, shelfId: number): string {
    return this.store.getRepository(session, Book).createQueryBuilder('book').where('book.shelfId = :shelfId', { shelfId }).getQuery();
  }
}
