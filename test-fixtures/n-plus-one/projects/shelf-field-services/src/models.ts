// valid
import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class Shelf {
  @Field(() => ID) id!: string;
  @Field() title!: string;
}

@ObjectType()
export class ShelfItem {
  @Field(() => ID) id!: string;
  @Field() shelfId!: string;
}

@ObjectType()
export class Reader {
  @Field(() => ID) id!: string;
  @Field() homeShelfId!: string;
}
