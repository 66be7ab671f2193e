import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Author, Book } from './author.entity';
import type { BooksLoader } from './books.loader';

@Resolver(() => Author)
export class AuthorsResolver {
  constructor(
    @InjectRepository(Author) private readonly authors: Repository<Author>,
    @InjectRepository(Book) private readonly books: Repository<Book>,
    private readonly booksLoader: BooksLoader,
  ) {}

  @Query(() => Author)
  author(@Args('id') id: string) {
    return this.authors.findOneBy({ id });
  }

  @ResolveField('books', () => [Book])
  books(@Parent() author: Author) {
    return this.books.find({ where: { authorId: author.id } });
//         ^^^^^^^^^^^^^^^ n-plus-one
  }

  @ResolveField()
  async bookCount(@Parent() author: Author) {
    return this.books.countBy({ authorId: author.id });
//         ^^^^^^^^^^^^^^^^^^ n-plus-one
  }

  @ResolveField()
  latestBooks(@Parent() author: Author) {
    return this.booksLoader.byAuthor.load(author.id);
  }

  @ResolveField()
  book(@Parent() author: Author, @Args('id') id: string) {
    return this.books.findOneBy({ id, authorId: author.id });
  }

  @ResolveField()
  displayName(@Parent() author: Author) {
    return author.name.trim();
  }
}
