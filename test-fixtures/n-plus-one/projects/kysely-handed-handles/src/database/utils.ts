// valid
import type { KyselyDB, KyselyTransaction } from './types';

/** The transaction a caller hands, else the database. */
export function dbOrTx(db: KyselyDB, trx?: KyselyTransaction): KyselyDB | KyselyTransaction {
  return trx ?? db;
}

/** Runs the work in the caller's transaction, or opens one. */
export async function executeTx<T>(db: KyselyDB, work: (trx: KyselyTransaction) => Promise<T>, trx?: KyselyTransaction): Promise<T> {
  if (trx) return work(trx);
  return db.transaction().execute(work);
}

/** Tries the work a few times; the attempt number is all it hands over. */
export async function withAttempts<T>(work: (attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

export function columnLabel(column: string): string {
  return column.replace(/_/g, ' ');
}

/** The name a handle is logged under: read off the handle, no query. */
export function handleName(db: KyselyDB | KyselyTransaction): string {
  return db.isTransaction ? 'transaction' : 'database';
}
