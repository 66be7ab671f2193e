// valid
import { db as defaultDb } from './db';
import { withRetries } from './retry';

export type Client = typeof defaultDb;
export type Transaction = Parameters<Parameters<Client['transaction']>[0]>[0];
export type Handle = Client | Transaction;

export interface ServiceContext {
  workspaceId: number;
  db?: Handle;
}

export async function withTransaction<T>(ctx: ServiceContext, fn: (tx: Handle) => Promise<T>): Promise<T> {
  const handle = ctx.db ?? defaultDb;
  return withRetries(() => (handle as Client).transaction(fn));
}

// Hands the caller a timer, not a transaction.
export async function withTiming<T>(label: string, fn: (timer: { lap(name: string): Promise<void> }) => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await fn({ lap: async (name) => console.log(label, name, Date.now() - started) });
  } finally {
    console.log(label, Date.now() - started);
  }
}
