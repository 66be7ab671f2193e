// valid
import type { KyselyDB, KyselyTransaction } from './types';

/** The transaction under way when a caller hands one, else the database. */
export function dbOrTx(db: KyselyDB, trx?: KyselyTransaction): KyselyDB | KyselyTransaction {
  return trx ?? db;
}

export function tableLabel(table: string): string {
  return table.replace(/_/g, ' ');
}
