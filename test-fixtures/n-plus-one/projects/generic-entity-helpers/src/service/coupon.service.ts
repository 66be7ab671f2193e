import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context';
import { DataAccess } from '../data/data-access';
import { Banner } from '../entity/banner.entity';
import { Coupon } from '../entity/coupon.entity';
import { SharingService } from './sharing.service';

@Injectable()
export class CouponService {
  constructor(
    private data: DataAccess,
    private sharing: SharingService,
  ) {}

  async shareWithStore(ctx: RequestContext, couponIds: number[], storeId: number) {
    for (const id of couponIds) {
      await this.sharing.addToStores(ctx, Coupon, id, [storeId]);
//          ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async loadAll(ctx: RequestContext, couponIds: number[]) {
    const coupons: Coupon[] = [];
    for (const id of couponIds) {
      coupons.push(await this.data.getOrFail(ctx, Coupon, id));
//                       ^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return coupons;
  }

  // A fixed list of entity classes: two queries, whatever the input.
  async totals(ctx: RequestContext) {
    const totals: number[] = [];
    for (const entityClass of [Coupon, Banner]) {
      totals.push(await this.sharing.countAll(ctx, entityClass));
    }
    return totals;
  }
}
