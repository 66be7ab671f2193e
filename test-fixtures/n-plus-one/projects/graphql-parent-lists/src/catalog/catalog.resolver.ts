import { Args, Field, Int, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { db } from '../db';
import { Brand, Product, Review } from './models';

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

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => [Product])
  products() {
    return db('products').limit(50);
  }

  @Query(() => Brand)
  brandById(@Args('id') id: string) {
    return db('brands').where({ id }).first();
  }

  @ResolveField(() => Brand)
  brand(@Parent() product: Product) {
    return db('brands').where({ id: product.brandId }).first();
//         ^^ n-plus-one
  }

  @ResolveField(() => ReviewPage)
  async reviews(@Parent() product: Product, @Args('first', { type: () => Int }) first: number) {
    const total = await db('reviews').where({ product_id: product.id }).count();
    return { items: await db('reviews').where({ product_id: product.id }).limit(first), total };
  }
}

@Resolver(() => Brand)
export class BrandResolver {
  @ResolveField(() => Int)
  productCount(@Parent() brand: Brand) {
    return db('products').where({ brand_id: brand.id }).count();
  }
}

@Resolver(() => Review)
export class ReviewResolver {
  @ResolveField(() => String)
  authorName(@Parent() review: Review) {
    return db('users').where({ id: review.authorId }).first('name');
//         ^^ n-plus-one
  }
}
