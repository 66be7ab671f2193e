// valid
export const RELATIONAL = 'relational';
export const COLUMNAR = 'columnar';

type StoreQueries = Partial<Record<typeof RELATIONAL | typeof COLUMNAR, () => Promise<unknown>>>;

/** Runs the branch for the store this deployment writes to. */
export async function runOnStore(queries: StoreQueries) {
  if (process.env.COLUMNAR_URL) return queries[COLUMNAR]?.();
  return queries[RELATIONAL]?.();
}
