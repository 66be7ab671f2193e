// valid
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import type { Tx } from './types';
import type { QuoteClient } from '../stock/quotes';

export interface ITransactionContext {
  withTransaction: <T>(work: () => Promise<T>) => Promise<T>;
  currentTransaction: () => Tx;
}

export interface IReadScope {
  reader(): Kysely<Database>;
}

export interface IPricing {
  quotes(): QuoteClient;
}
