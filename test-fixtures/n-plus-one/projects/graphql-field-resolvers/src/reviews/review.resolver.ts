import { Arg, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { AppDataSource } from '../data-source';
import { Author, Book } from '../authors/author.entity';

@Resolver(() => Book)
export class BookResolver {
  private readonly authors = AppDataSource.getRepository(Author);

  @Query(() => [Book])
  booksByIds(@Arg('ids', () => [String]) ids: string[]) {
    return AppDataSource.getRepository(Book).findByIds(ids);
  }

  @FieldResolver(() => Author)
  author(@Root() book: Book) {
    return this.authors.findOneBy({ id: book.authorId });
//         ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}
