// valid
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, ObjectLiteral, ObjectType, Repository } from 'typeorm';
import { RequestContext } from '../service/request-context';

@Injectable()
export class TransactionalConnection {
  constructor(@InjectDataSource() private dataSource: DataSource) {}

  get rawConnection(): DataSource {
    return this.dataSource;
  }

  getRepository<T extends ObjectLiteral>(ctx: RequestContext | undefined, target: ObjectType<T>): Repository<T> {
    const manager: EntityManager | undefined = ctx?.transactionManager;
    return manager ? manager.getRepository(target) : this.dataSource.getRepository(target);
  }
}
