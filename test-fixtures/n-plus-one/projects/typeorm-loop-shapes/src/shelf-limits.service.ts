import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Book, Shelf } from './entities';
import { RequestCache } from './request-cache';

export enum CacheKey {
  Capacity = 'capacity',
}

export enum CacheTtl {
  Short = 60,
}

const reservedKey = (shelfId: number) => `reserved:${shelfId}`;

@Injectable()
export class ShelfLimitsService {
  constructor(
    @InjectRepository(Book) private readonly books: Repository<Book>,
    private readonly cache: RequestCache,
  ) {}

  /** One count for the cache's life. */
  async capacity(): Promise<number> {
    return await this.cache.get(CacheKey.Capacity, () => this.books.createQueryBuilder('book').getCount());
  }

  /** One count per shelf. */
  async used(shelf: Shelf): Promise<number> {
    return await this.cache.get(`used:${shelf.id}`, () => this.books.createQueryBuilder('book').where('book.shelfId = :id', { id: shelf.id }).getCount());
  }

  async fits(shelves: Shelf[]): Promise<Shelf[]> {
    const fitting: Shelf[] = [];
    for (const shelf of shelves) {
      if ((await this.used(shelf)) < (await this.capacity())) fitting.push(shelf);
//               ^^^^^^^^^ n-plus-one
    }
    return fitting;
  }

  /** One count per shelf, kept a minute under a key made from the shelf. */
  async reserved(shelf: Shelf): Promise<number> {
    return await this.cache.remember(reservedKey(shelf.id), CacheTtl.Short, () => this.books.createQueryBuilder('book').where('book.reservedOn = :id', { id: shelf.id }).getCount());
  }

  async reservedTotal(shelves: Shelf[]): Promise<number> {
    let total = 0;
    for (const shelf of shelves) total += await this.reserved(shelf);
//                                              ^^^^^^^^^^^^^ n-plus-one
    return total;
  }
}
