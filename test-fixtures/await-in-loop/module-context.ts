// A commerce module's services hand one context from call to call: it carries the module's entity
// manager, the transaction once one is open, and the events the calls collect. Calls handed that
// context, or an entity manager a caller passed in, take turns on it. Calls that are not handed
// either are still reported.
import type { Context } from '@medusajs/framework/types';
import type { EntityManager } from '@mikro-orm/core';

declare function InjectManager(): MethodDecorator;
declare function MedusaContext(): ParameterDecorator;

interface LevelAdjustment {
  itemId: string;
  locationId: string;
  adjustment: number;
}

declare class LevelService {
  adjust(itemId: string, locationId: string, adjustment: number, context: Context): Promise<{ id: string }>;
}
declare class ShippingService {
  createMethods(data: object[], context?: Context): Promise<Array<{ id: string }>>;
}
declare class Notifier {
  levelChanged(levelId: string): Promise<void>;
}

export class StockModule {
  constructor(
    private readonly levels: LevelService,
    private readonly notifier: Notifier,
    private readonly em: EntityManager,
  ) {}

  @InjectManager()
  async adjustLevels(adjustments: LevelAdjustment[], @MedusaContext() context: Context = {}): Promise<string[]> {
    const ids: string[] = [];
    for (const { itemId, locationId, adjustment } of adjustments) {
      const { id } = await this.levels.adjust(itemId, locationId, adjustment, context);
      ids.push(id);
    }
    return ids;
  }

  /** The context does not go along: each notice is its own request. */
  @InjectManager()
  async announceLevels(levelIds: string[], @MedusaContext() context: Context = {}): Promise<void> {
    void context;
    for (const levelId of levelIds) {
      await this.notifier.levelChanged(levelId);
    //^^^^^ await-in-loop
    }
  }

  /** The module's own manager, not one handed in: a field, so nothing says the calls share a transaction. */
  async archiveLevels(levelIds: string[]): Promise<void> {
    for (const levelId of levelIds) {
      await archiveLevel(this.em.fork(), levelId);
    //^^^^^ await-in-loop
    }
  }
}

/** A helper of the module's actions, handed the context by position. */
export async function addShippingMethods(service: ShippingService, orderId: string, methods: object[], sharedContext?: Context): Promise<string[]> {
  const ids: string[] = [];
  for (const method of methods) {
    const [created] = await service.createMethods([{ ...method, order_id: orderId }], sharedContext);
    if (created) ids.push(created.id);
  }
  return ids;
}

/** An entity manager handed in: the cascade runs in the caller's unit of work. */
export async function archiveCascade(manager: EntityManager, levelIds: string[]): Promise<void> {
  for (const levelId of levelIds) {
    await archiveLevel(manager, levelId);
  }
}

declare function archiveLevel(manager: EntityManager, levelId: string): Promise<void>;
