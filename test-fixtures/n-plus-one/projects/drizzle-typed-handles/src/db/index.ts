// valid
export { db } from './client';
export type { DB, DbOrTx } from './client';
export * as schema from './schema';
