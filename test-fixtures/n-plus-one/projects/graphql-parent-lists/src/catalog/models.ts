// valid
import { Field, ID, ObjectType } from '@nestjs/graphql';

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
