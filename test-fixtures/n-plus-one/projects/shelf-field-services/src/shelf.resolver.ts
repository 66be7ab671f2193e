import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Shelf, ShelfItem } from './models';
import { ShelfService } from './shelf.service';
import { ShelfItemService } from './shelf-item.service';

@Resolver(() => Shelf)
export class ShelfResolver {
  constructor(private readonly shelves: ShelfService) {}

  @Query(() => [Shelf])
  async shelves() {
    return [];
  }

  @ResolveField(() => Shelf, { nullable: true })
  async parent(@Parent() shelf: Shelf) {
    return this.shelves.getParentShelf(shelf.id);
  }

  @ResolveField(() => String, { nullable: true })
  async label(@Parent() shelf: Shelf) {
    return this.shelves.getLabelOfShelf(shelf.id);
  }

  @ResolveField(() => String)
  async curator(@Parent() shelf: Shelf) {
    return this.shelves.getCuratorOfShelf(shelf.id);
  }

  @ResolveField(() => Shelf)
  async withBooks(@Parent() shelf: Shelf) {
    return this.shelves.getShelfWithBooks(shelf.id);
//         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

@Resolver(() => ShelfItem)
export class ShelfItemResolver {
  constructor(private readonly items: ShelfItemService) {}

  @Query(() => [ShelfItem])
  async shelfItems() {
    return [];
  }

  @ResolveField(() => Shelf, { nullable: true })
  async shelf(@Parent() item: ShelfItem) {
    return this.items.getShelfOfItem(item);
  }

  @ResolveField(() => String)
  async neighbours(@Parent() item: ShelfItem) {
    return this.items.getNeighboursOfItem(item);
//         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}
