import type { TaskConfig } from 'payload';
import { reserveStock } from '../services/inventory';

export const reserveOrder: TaskConfig<'reserveOrder'> = {
  slug: 'reserveOrder',
  handler: async ({ input, req }) => {
    for (const line of input.lines) {
      await reserveStock(req.payload, line.product, line.quantity);
//          ^^^^^^^^^^^^ n-plus-one
    }
    return { output: {} };
  },
};
