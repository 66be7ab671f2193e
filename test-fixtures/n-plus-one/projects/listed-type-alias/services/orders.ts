import type { Database, Limits } from '../db';

export function createOrderLookup(db: Database) {
  return async (refs: string[]) => {
    const orders = [];
    for (const ref of refs) {
      orders.push(await db.order.findUnique({ where: { ref } }));
//                      ^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return orders;
  };
}

// A type alias of plain settings: its `find` searches memory.
export function createPlanNames(settings: Limits) {
  return (wanted: string[]) => wanted.map((name) => settings.names.find((known) => known === name));
}
