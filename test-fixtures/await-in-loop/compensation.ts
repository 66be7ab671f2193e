// A workflow step's compensation undoes the step when a later step failed: it runs only then, and
// puts back what the step changed in turn. The step's own work is still reported, and so is a loop
// of a function that merely sits next to a compensation.
import { createStep, StepResponse } from '@medusajs/framework/workflows-sdk';

interface PriceSet {
  id: string;
  prices: Array<{ amount: number; currency_code: string }>;
}

declare const pricing: {
  updatePriceSet(id: string, data: { prices: PriceSet['prices'] }): Promise<void>;
  retrievePriceSets(ids: string[]): Promise<PriceSet[]>;
};
declare const payments: {
  createSession(collectionId: string, data: object): Promise<void>;
  deleteSession(id: string): Promise<void>;
};

export const setShippingPricesStep = createStep(
  'set-shipping-prices',
  async (input: PriceSet[]) => {
    const previous = await pricing.retrievePriceSets(input.map((set) => set.id));
    for (const set of input) {
      await pricing.updatePriceSet(set.id, { prices: set.prices });
    //^^^^^ await-in-loop
    }
    return new StepResponse(undefined, previous);
  },
  async (previous: PriceSet[] | undefined) => {
    if (!previous?.length) return;
    for (const set of previous) {
      await pricing.updatePriceSet(set.id, { prices: set.prices });
    }
  },
);

/** A saga written as an object: `compensate` undoes `invoke`. */
export const removeSessionsSaga = {
  async invoke(sessions: Array<{ id: string }>): Promise<void> {
    for (const session of sessions) {
      await payments.deleteSession(session.id);
    //^^^^^ await-in-loop
    }
  },
  async compensate(sessions: Array<{ id: string; collectionId: string }>): Promise<void> {
    for (const session of sessions) {
      try {
        await payments.createSession(session.collectionId, { restored: session.id });
      } catch {
        // Best effort: the workflow has already failed.
      }
    }
  },
};

/** A third argument of some other function is no compensation. */
export const warmed = retryThrice('warm', 3, async (sets: PriceSet[]) => {
  for (const set of sets) {
    await pricing.updatePriceSet(set.id, { prices: set.prices });
  //^^^^^ await-in-loop
  }
});

declare function retryThrice<T>(name: string, attempts: number, run: (value: T) => Promise<void>): Promise<void>;
