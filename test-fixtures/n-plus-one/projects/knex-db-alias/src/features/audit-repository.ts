// valid
import { Inject, Injectable } from '@nestjs/common';
import type { Db } from '../db/db';

export const KNEX = Symbol('knex');

@Injectable()
export class AuditRepository {
  constructor(@Inject(KNEX) private readonly knex: Db) {}

  async record(action: string, subject: string): Promise<void> {
    await this.knex('audit_log').insert({ action, subject });
  }
}
