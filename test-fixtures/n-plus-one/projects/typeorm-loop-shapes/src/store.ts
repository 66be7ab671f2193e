// valid
import { Injectable } from '@nestjs/common';
import { DataSource, EntityTarget, ObjectLiteral, Repository } from 'typeorm';

export class Session {
  constructor(readonly userId: number) {}
}

/** Hands out repositories bound to the session's transaction. */
@Injectable()
export class Store {
  constructor(private readonly dataSource: DataSource) {}

  getRepository<T extends ObjectLiteral>(session: Session | undefined, target: EntityTarget<T>): Repository<T> {
    return this.dataSource.getRepository(target);
  }
}
