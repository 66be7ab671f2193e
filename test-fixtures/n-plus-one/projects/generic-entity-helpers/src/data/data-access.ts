// valid
import { Injectable } from '@nestjs/common';
import { DataSource, FindOptionsWhere, ObjectLiteral, ObjectType, Repository } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { Type } from '../common/type';
import { BaseRecord } from '../entity/base.entity';

@Injectable()
export class DataAccess {
  constructor(private dataSource: DataSource) {}

  getRepository<T extends ObjectLiteral>(ctx: RequestContext, target: ObjectType<T>): Repository<T> {
    return ctx.manager ? ctx.manager.getRepository(target) : this.dataSource.getRepository(target);
  }

  async getOrFail<T extends BaseRecord>(ctx: RequestContext, entityClass: Type<T>, id: number): Promise<T> {
    const found = await this.getRepository(ctx, entityClass).findOne({ where: { id } as FindOptionsWhere<T> });
    if (!found) throw new Error(`${entityClass.name} ${id} not found`);
    return found;
  }
}
