// Loops that run once at boot, pull work from a queue, or walk a tree: one at a time on purpose.
// Next to them, look-alikes that walk a list of items and should run concurrently.
import { EventEmitter } from 'node:events';
import { Inject, Injectable } from '@nestjs/common';

interface ModuleDefinition {
  key: string;
  resolve: string;
}

interface Job extends EventEmitter {
  id: string;
  queue: string;
}

interface JobStore {
  concurrency: number;
  next(queue: string): Promise<Job | undefined>;
  markRunning(job: Job): Promise<void>;
  attach(job: Job, worker: string): Promise<void>;
}

interface PageNode {
  id: string;
  title: string;
  children: PageNode[];
}

declare function registerModule(definition: ModuleDefinition): Promise<{ key: string }>;
declare function copyPage(page: PageNode, parentId: string | null): Promise<{ id: string }>;
declare function fetchProfile(userId: string): Promise<{ name: string }>;
declare function listChildren(pageId: string): Promise<PageNode[]>;

/** Loads every module of the application before it serves. */
export const modulesLoader = async (definitions: ModuleDefinition[]): Promise<string[]> => {
  const loaded: string[] = [];
  for (const definition of definitions) {
    const registration = await registerModule(definition);
    loaded.push(registration.key);
  }
  return loaded;
};

export class Application {
  private readonly modules: string[] = [];

  constructor(private readonly definitions: ModuleDefinition[]) {}

  async bootstrapAll(): Promise<void> {
    for (const definition of this.definitions) {
      const registration = await registerModule(definition);
      this.modules.push(registration.key);
    }
  }

  async postBootMaster(): Promise<void> {
    for (const definition of this.definitions) {
      await fetchProfile(definition.key);
    }
  }

  async unload(): Promise<void> {
    for (const key of this.modules) {
      await fetchProfile(key);
    }
  }

  async unloadModules(keys: string[]): Promise<void> {
    for (const key of keys) {
      await fetchProfile(key);
  //  ^^^^^ await-in-loop
    }
  }
}

export class Poller {
  private readonly active: Job[] = [];

  constructor(
    private readonly store: JobStore,
    private readonly queue: string,
  ) {}

  /** Takes jobs until the queue's concurrency is used: each `next` depends on what the ones before took. */
  async fill(): Promise<void> {
    for (let slot = this.active.length; slot < this.store.concurrency; slot++) {
      const job = await this.store.next(this.queue);
      if (job) {
        this.active.push(job);
        await this.store.markRunning(job);
      }
    }
  }

  /** The pulled job and each worker of a list: the workers could be attached at once. */
  async assign(workers: string[]): Promise<void> {
    for (const worker of workers) {
      const job = await this.store.next(this.queue);
      if (job) {
        await this.store.attach(job, worker);
//      ^^^^^ await-in-loop
      }
    }
  }
}

interface Exporter {
  name: string;
  endpoint: string;
}

declare function post(endpoint: string, body: unknown): Promise<void>;

@Injectable()
export class MetricsShipper {
  constructor(@Inject('Exporters') private readonly exporters: Exporter[]) {}

  /** One post per configured exporter: as many as the configuration names. */
  async ship(batch: unknown[]): Promise<void> {
    for (const exporter of this.exporters) {
      await post(exporter.endpoint, batch);
    }
  }

  /** One post per transport the application is configured with. */
  async announce(transports: Exporter[], message: string): Promise<void> {
    for (const transport of transports) {
      await post(transport.endpoint, message);
    }
  }

  /** One post per metric: grows with the data. */
  async shipEach(metrics: unknown[]): Promise<void> {
    for (const metric of metrics) {
      await post('/metrics', metric);
//    ^^^^^ await-in-loop
    }
  }
}

declare const redis: { zcard(key: string): Promise<number> };

export class ShardedQueue {
  constructor(
    private readonly shardCount: number,
    private readonly tenants: string[],
  ) {}

  /** One read per shard the deployment is configured with. */
  async lengths(): Promise<number[]> {
    const out: number[] = [];
    for (let shard = 0; shard < this.shardCount; shard++) out.push(await redis.zcard(`queue:${shard}`));
    return out;
  }

  /** One read per tenant: grows with the customers. */
  async tenantLengths(): Promise<number[]> {
    const out: number[] = [];
    for (let index = 0; index < this.tenants.length; index++) out.push(await redis.zcard(`tenant:${this.tenants[index]}`));
//                                                                     ^^^^^ await-in-loop
    return out;
  }
}

/** Copies a page and its subtree, parents before children, siblings in their order. */
export async function duplicatePage(page: PageNode, parentId: string | null): Promise<void> {
  const copy = await copyPage(page, parentId);
  for (const child of page.children) {
    await duplicatePage(child, copy.id);
  }
}

/** Reads the ids of a subtree: each call is handed only its child, so siblings could be read at once. */
export async function subtreeIds(pageId: string): Promise<string[]> {
  const ids = [pageId];
  const children = await listChildren(pageId);
  for (const child of children) {
    const childIds = await subtreeIds(child.id);
//                   ^^^^^ await-in-loop
    ids.push(...childIds);
  }
  return ids;
}

/** Sets up the columns of a new view: a name that starts like `init` runs per request all the same. */
export async function initViewColumns(viewIds: string[]): Promise<void> {
  for (const viewId of viewIds) {
    await fetchProfile(viewId);
//  ^^^^^ await-in-loop
  }
}

/** A name that starts like a loader is no loader: this one runs per request. */
export async function loadProfiles(userIds: string[]): Promise<string[]> {
  const names: string[] = [];
  for (const userId of userIds) {
    const profile = await fetchProfile(userId);
//                  ^^^^^ await-in-loop
    names.push(profile.name);
  }
  return names;
}

/** Closes the connections once while the application stops; the handlers it runs are the ones the application registered. */
export class Connections {
  private readonly pools: Array<{ end(): Promise<void>; id: string }> = [];
  private readonly closeHandlers: Array<() => Promise<void>> = [];

  async onApplicationShutdown(): Promise<void> {
    for (const pool of this.pools) await fetchProfile(pool.id);
  }

  async runCloseHandlers(): Promise<void> {
    for (const handler of this.closeHandlers) await fetchProfile(handler.name);
  }

  async pingAll(): Promise<void> {
    for (const pool of this.pools) await fetchProfile(pool.id);
//                                 ^^^^^ await-in-loop
  }
}

interface RolloutStrategy {
  id: string;
  name: string;
}

declare function evaluate(strategy: RolloutStrategy, user: string): Promise<boolean>;

/** Strategies the application registers, one evaluation each; a rule's strategies are its data. */
export class RolloutEvaluator {
  constructor(private readonly strategies: RolloutStrategy[]) {}

  async evaluateRegistered(user: string): Promise<boolean[]> {
    const results: boolean[] = [];
    for (const strategy of this.strategies) results.push(await evaluate(strategy, user));
    return results;
  }

  async evaluateRule(rule: { strategies: RolloutStrategy[] }, user: string): Promise<boolean[]> {
    const results: boolean[] = [];
    for (const strategy of rule.strategies) results.push(await evaluate(strategy, user));
//                                                       ^^^^^ await-in-loop
    return results;
  }
}
