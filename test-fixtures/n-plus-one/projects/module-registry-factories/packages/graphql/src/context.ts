// valid
import type { LedgerCore } from '@ledger/platform';

export type Context = LedgerCore & {
  userId?: string;
  locale: string;
};
