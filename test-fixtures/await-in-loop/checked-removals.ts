// A loop that throws when an awaited check fails, before the work it guards: the items after a failing one must not be
// removed, as they would be if the loop ran concurrently. Next to it, a check that guards nothing after it; and one whose
// inserts are queries, which one statement after the checks can still batch.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
interface Strategy {
  key: string;
  displayName: string;
}

interface StrategyStore {
  countUsers(key: string): Promise<number>;
  remove(key: string): Promise<void>;
  load(key: string): Promise<Strategy | undefined>;
}

export async function removeStrategies(store: StrategyStore, removed: Strategy[]): Promise<void> {
  for (const strategy of removed) {
    const users = await store.countUsers(strategy.key);
    if (users > 0) {
      throw new Error(`Cannot delete ${strategy.displayName}: ${users} users still sign in with it.`);
    } else {
      await store.remove(strategy.key);
    }
  }
}

export async function removeUnusedStrategies(store: StrategyStore, removed: Strategy[]): Promise<void> {
  for (const strategy of removed) {
    if ((await store.countUsers(strategy.key)) > 0) throw new Error(`${strategy.displayName} is still in use.`);
    await store.remove(strategy.key);
  }
}

/** Every strategy is loaded or the call fails: loading the others as well costs nothing. */
export async function loadStrategies(store: StrategyStore, keys: string[]): Promise<Strategy[]> {
  const strategies: Strategy[] = [];
  for (const key of keys) {
    const strategy = await store.load(key);
//                   ^^^^^ await-in-loop
    if (!strategy) throw new Error(`Unknown strategy ${key}`);
    strategies.push(strategy);
  }
  return strategies;
}

interface AccessService {
  hasPermission(userId: string, permission: string, environment: string): Promise<boolean>;
}

export class CloneService {
  constructor(private readonly accessService: AccessService) {}

  /** Checks only: run together, they fail as one when one fails. */
  async validateClonePermissions(userId: string, environments: Array<{ name: string; strategies: string[]; variants: string[] }>): Promise<void> {
    for (const environment of environments) {
      if (environment.strategies.length > 0 && !(await this.accessService.hasPermission(userId, 'CREATE_STRATEGY', environment.name))) {
//                                               ^^^^^ await-in-loop
        throw new Error(`No permission to create strategies in ${environment.name}`);
      }
      if (environment.variants.length > 0 && !(await this.accessService.hasPermission(userId, 'UPDATE_VARIANTS', environment.name))) {
        throw new Error(`No permission to update variants in ${environment.name}`);
      }
    }
  }
}

/** The check's failure is caught inside the loop: the other items go on either way. */
export async function removeWhereUnused(store: StrategyStore, removed: Strategy[]): Promise<string[]> {
  const kept: string[] = [];
  for (const strategy of removed) {
    try {
      if ((await store.countUsers(strategy.key)) > 0) throw new Error('in use');
      await store.remove(strategy.key);
//    ^^^^^ await-in-loop
    } catch {
      kept.push(strategy.key);
    }
  }
  return kept;
}

export async function addMonitorsToPage(pageId: string, monitorIds: string[]): Promise<void> {
  for (const monitorId of monitorIds) {
    const monitor = await prisma.monitor.findUnique({ where: { id: monitorId } });
//                        ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    if (!monitor) throw new Error(`Monitor ${monitorId} not found`);
    await prisma.pageComponent.create({ data: { pageId, monitorId, name: monitor.name } });
//        ^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

/** A rethrow stops on the upload's own failure, not on a check: the uploads are still independent. */
export async function uploadAll(upload: (path: string) => Promise<void>, paths: string[]): Promise<void> {
  for (const path of paths) {
    try {
      await upload(path);
//    ^^^^^ await-in-loop
    } catch (error) {
      console.error(`Upload of ${path} failed`, error);
      throw error;
    }
    await upload(`${path}.sha256`);
  }
}
