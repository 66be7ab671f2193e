import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context';
import { Type } from '../common/type';
import { DataAccess } from '../data/data-access';
import { BaseRecord } from '../entity/base.entity';

@Injectable()
export class SharingService {
  constructor(private data: DataAccess) {}

  async addToStores<T extends BaseRecord>(ctx: RequestContext, entityClass: Type<T>, id: number, storeIds: number[]): Promise<T> {
    const entity = await this.data.getOrFail(ctx, entityClass, id);
    await this.data.getRepository(ctx, entityClass).createQueryBuilder().relation('stores').of(entity.id).add(storeIds);
    return entity;
  }

  async countAll<T extends BaseRecord>(ctx: RequestContext, entityClass: Type<T>): Promise<number> {
    return this.data.getRepository(ctx, entityClass).count();
  }

  // The helper's own loop over the ids it is given, on the class it is given.
  async touchEach<T extends BaseRecord>(ctx: RequestContext, entityClass: new () => T, ids: number[]) {
    for (const id of ids) {
      await this.data.getRepository(ctx, entityClass).increment({ id } as never, 'version', 1);
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  // A type parameter's name is not a class: `Kind` here is a string.
  labels<Kind extends string>(names: Kind[], registry: { getRepository(name: Kind): { find(): Promise<void> } }) {
    return names.map((name) => registry.getRepository(name).find());
  }
}
