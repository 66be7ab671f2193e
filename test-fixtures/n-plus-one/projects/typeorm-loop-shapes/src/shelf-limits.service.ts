import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Book, Shelf } from './entities';
import { RequestCache } from './request-cache';

export enum CacheKey {
  Capacity = 'capacity',
}

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
}
