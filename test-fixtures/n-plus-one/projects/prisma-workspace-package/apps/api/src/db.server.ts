// valid
import { PrismaClient, type PrismaClientOrTransaction, type TransactionClient } from '@relay/database';
import { withMetrics } from './metrics';
import { singleton } from './singleton';

export const prisma = singleton('prisma', () => withMetrics(new PrismaClient(), 'writer'));

/** Runs `work` in a transaction, named in the logs. */
export async function $transaction<R>(client: PrismaClientOrTransaction, name: string, work: (tx: TransactionClient) => Promise<R>): Promise<R> {
  if (!('$transaction' in client)) return work(client);
  const started = Date.now();
  const result = await client.$transaction(work);
  console.debug(`${name} took ${Date.now() - started} ms`);
  return result;
}
