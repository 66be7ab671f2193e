import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Book, Shelf } from './entities';
import { ShelfBooksService } from './shelf-books.service';
import { Session } from './store';

@Resolver(() => Shelf)
export class ShelfResolver {
  constructor(private readonly shelfBooks: ShelfBooksService) {}

  @ResolveField()
  async books(@Context() session: Session, @Parent() shelf: Shelf): Promise<Book[]> {
    return this.shelfBooks.booksOnShelf(session, shelf.id);
//         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }

  @ResolveField()
  async featured(@Context() session: Session): Promise<Book[]> {
    return this.shelfBooks.featured(session);
  }
}

export async function booksOfShelves(shelfBooks: ShelfBooksService, session: Session, shelves: Shelf[]): Promise<Book[][]> {
  const lists: Book[][] = [];
  for (const shelf of shelves) {
    lists.push(await shelfBooks.booksOnShelf(session, shelf.id));
//                   ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return lists;
}
