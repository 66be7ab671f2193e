// valid
import type { Modules } from './modules.ts';

export interface LedgerCore {
  modules: Modules;
  options: Record<string, unknown>;
}

export type { Modules };
