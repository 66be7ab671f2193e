// valid
export * from './database';
export type { DatabaseSchema, Tables } from './schema';
