// valid
import { Injectable } from '@nestjs/common';
import { ShelfService } from './shelf.service';

@Injectable()
export class ShelfItemService {
  constructor(private readonly shelves: ShelfService) {}

  async getShelfOfItem(item: { shelfId: string }) {
    const shelf = await this.shelves.getShelf(item.shelfId);
    return shelf ?? null;
  }

  async getNeighboursOfItem(item: { shelfId: string }) {
    const shelf = await this.shelves.getShelf(item.shelfId);
    const books = await this.shelves.listBooks(item.shelfId);
    return { shelf, books };
  }
}
