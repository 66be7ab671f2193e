import { Injectable } from '@nestjs/common';
import { InjectConnection } from 'nest-knexjs';
import { Knex } from 'knex';
import { SqlEntityManager } from '@mikro-orm/postgresql';
import { Redis } from '@upstash/redis';

type Logger = { info(message: string): void };

interface Container {
  resolve<T>(key: string): T;
}

@Injectable()
export class AttachmentService {
  constructor(
    @InjectConnection() private readonly knex: Knex,
    private readonly label: (name: string) => Promise<string>,
  ) {}

  async firstUploads(userIds: string[]) {
    const uploads = [];
    for (const userId of userIds) {
      uploads.push(await this.knex('attachment').where('userId', userId).first());
//                       ^^^^^^^^^ n-plus-one
    }
    return uploads;
  }

  async uploadsOf(userIds: string[]) {
    return this.knex('attachment').whereIn('userId', userIds);
  }

  async labels(names: string[]) {
    const labels = [];
    // A function held in a field is not a database handle, however it is called.
    for (const name of names) labels.push(await this.label(name));
    return labels;
  }
}

class ManagedRepository {
  protected activeManager<T>(context: { manager?: unknown }): T {
    return context.manager as T;
  }
}

export class VariantRepository extends ManagedRepository {
  async byIds(ids: string[], context: { manager?: unknown }) {
    const manager = super.activeManager<SqlEntityManager>(context);
    return Promise.all(ids.map((id) => manager.findOne('ProductVariant', { id })));
//                                     ^^^^^^^^^^^^^^^ n-plus-one
  }

  async all(ids: string[], context: { manager?: unknown }) {
    const manager = super.activeManager<SqlEntityManager>(context);
    return manager.find('ProductVariant', { id: { $in: ids } });
  }
}

export async function logEach(container: Container, events: string[]) {
  // A logger resolved from the container is no database handle.
  const logger = container.resolve<Logger>('logger');
  for (const event of events) await Promise.resolve(logger.info(event));
}

const redis = Redis.fromEnv();

export async function lastSeen(userIds: string[]) {
  const seen = [];
  for (const userId of userIds) seen.push(await redis.get(`last-seen:${userId}`));
//                                              ^^^^^^^^^ n-plus-one
  return seen;
}

export async function lastSeenAtOnce(userIds: string[]) {
  return redis.mget(...userIds.map((userId) => `last-seen:${userId}`));
}
