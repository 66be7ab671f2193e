// valid
import DataLoader from 'dataloader';
import type { Repository } from 'typeorm';
import { In } from 'typeorm';
import type { Book } from './author.entity';

export class BooksLoader {
  constructor(private readonly books: Repository<Book>) {}

  readonly byAuthor = new DataLoader(async (authorIds: readonly string[]) => {
    const rows = await this.books.findBy({ authorId: In([...authorIds]) });
    return authorIds.map((id) => rows.filter((book) => book.authorId === id));
  });
}
