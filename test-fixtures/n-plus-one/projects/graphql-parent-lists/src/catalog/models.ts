// valid
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class Brand {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
export class Product {
  @Field(() => ID)
  id!: string;

  @Field()
  brandId!: string;
}

@ObjectType()
export class Review {
  @Field(() => ID)
  id!: string;

  @Field()
  authorId!: string;
}

export function Paginated<T>(item: new () => T) {
  @ObjectType({ isAbstract: true })
  abstract class Page {
    @Field(() => [item])
    items!: T[];

    @Field(() => Int)
    total!: number;
  }
  return Page;
}

@ObjectType()
export class ReviewPage extends Paginated(Review) {}
