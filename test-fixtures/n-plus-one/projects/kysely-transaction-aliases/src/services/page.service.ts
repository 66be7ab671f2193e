import type { KyselyDB, KyselyTransaction } from '../database/types';
import { PageRepo } from '../repos/page.repo';

export class PageService {
  constructor(
    private readonly db: KyselyDB,
    private readonly pageRepo: PageRepo,
  ) {}

  async pagesOf(pageIds: string[]) {
    return Promise.all(pageIds.map((id) => this.pageRepo.findById(id, { withTitle: true })));
//                                         ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }

  async renameAll(titles: Map<string, string>) {
    await this.db.transaction().execute(async (trx) => {
      for (const [pageId, title] of titles) {
        await this.pageRepo.rename(pageId, title, trx);
//            ^^^^^^^^^^^^^^^^^^^^ n-plus-one
      }
    });
  }

  async movedPages(pageIds: string[], trx?: KyselyTransaction) {
    const db = trx || this.db;
    const moved = [];
    for (const id of pageIds) {
      moved.push(await db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst());
//                     ^^^^^^^^^^^^^ n-plus-one
    }
    return moved;
  }

  async pagesBatched(pageIds: string[]) {
    return this.pageRepo.findByIds(pageIds);
  }

  /** Builders made per item and handed back to be combined: nothing runs here. */
  pageQueries(pageIds: string[], trx?: KyselyTransaction) {
    const db = trx ?? this.db;
    return pageIds.map((id) => db.selectFrom('pages').selectAll().where('id', '=', id));
  }

  labels(spaces: string[]) {
    return spaces.map(() => this.pageRepo.describe());
  }
}
