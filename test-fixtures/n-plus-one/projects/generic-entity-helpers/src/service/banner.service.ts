import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context';
import { DataAccess } from '../data/data-access';
import { Banner } from '../entity/banner.entity';

@Injectable()
export class BannerService {
  constructor(private data: DataAccess) {}

  async moveStores(ctx: RequestContext, banner: Banner, removedStoreIds: number[], addedStoreIds: number[]) {
    for (const storeId of removedStoreIds) {
      await this.data.getRepository(ctx, Banner).createQueryBuilder().relation('stores').of(banner).remove(storeId);
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    for (const storeId of addedStoreIds) {
      await this.data.getRepository(ctx, Banner).createQueryBuilder().relation(Banner, 'stores').of(banner).add(storeId);
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  // `add` and `remove` take every id at once.
  async moveStoresAtOnce(ctx: RequestContext, banner: Banner, removedStoreIds: number[], addedStoreIds: number[]) {
    await this.data.getRepository(ctx, Banner).createQueryBuilder().relation('stores').of(banner).addAndRemove(addedStoreIds, removedStoreIds);
  }

  // Building a query without running it is not a query.
  async storeQueries(ctx: RequestContext, banners: Banner[]) {
    return banners.map((banner) => this.data.getRepository(ctx, Banner).createQueryBuilder().relation('stores').of(banner));
  }
}
