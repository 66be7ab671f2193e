/** The bounded lists calls hand a function, as plain data the project index keeps (see `analysis/caller-lists`). */

/** The most items a list handed to a function holds. */
export interface ListBound {
  /** The items written out, or the batch's size; none when a name gives the size (`BATCH_SIZE`). */
  most?: number;
  /** Cut from a longer list (`ids.slice(i, i + 50)`, a batch of `chunk(ids, 50)`): calls over its other batches add up. */
  batch?: true;
}

/** By argument position, the bound every call of a function gives that argument. */
export type ArgumentLists = Record<string, ListBound>;

/** The bounds two sets of calls share: a position bounded in both, by the larger bound. */
export function sharedLists(a: ArgumentLists, b: ArgumentLists): ArgumentLists {
  const shared: ArgumentLists = {};
  for (const [index, first] of Object.entries(a)) {
    const second = b[index];
    if (!second) continue;
    const most = first.most === undefined || second.most === undefined ? undefined : Math.max(first.most, second.most);
    shared[index] = { ...(most !== undefined && { most }), ...((first.batch || second.batch) && { batch: true as const }) };
  }
  return shared;
}
