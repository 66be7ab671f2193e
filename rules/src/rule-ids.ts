import type { RuleId } from './types';

/**
 * The rule ids in the registry's order, without loading the rules (and the parser they need):
 * configuration and command-line checks run before any analysis. A test holds it equal to the registry.
 */
export const RULE_IDS: readonly RuleId[] = ['n-plus-one', 'await-in-loop', 'sync-io-in-async', 'unbounded-promise-all'];
