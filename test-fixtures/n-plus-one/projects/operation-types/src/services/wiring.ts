import type { Knex } from 'knex';
import { db } from '../db';
import type { Shelf } from '../domain/operations';
import { countLoansFactory } from '../repositories/loans';
import { getShelfFactory } from '../repositories/shelves';

export async function shelvesOf(shelfIds: string[]) {
  const shelves: Shelf[] = [];
  for (const shelfId of shelfIds) {
    const shelf = await getShelfFactory({ db })(shelfId);
    //                  ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    if (shelf) shelves.push(shelf);
  }
  return shelves;
}

export async function loanCounts(bookIds: string[]) {
  const countLoans = countLoansFactory({ db });
  const counts = new Map<string, number>();
  for (const bookId of bookIds) {
    counts.set(bookId, await countLoans(bookId));
    //                       ^^^^^^^^^^ n-plus-one
  }
  return counts;
}

/** One count per regional database: each runs on a handle of its own. */
export async function loanCountAcrossRegions(regionDbs: Knex[], bookId: string) {
  let total = 0;
  for (const regionDb of regionDbs) {
    total += await countLoansFactory({ db: regionDb })(bookId);
  }
  return total;
}
