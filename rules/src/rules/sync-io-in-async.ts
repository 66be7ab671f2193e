import type { Rule } from '../types';

export const syncIoInAsync: Rule = {
  meta: {
    id: 'sync-io-in-async',
    defaultSeverity: 'warning',
    description: 'TODO',
    messages: {},
    fixable: false,
  },
  prefilter: /(?!)/,
  create() {
    return {};
  },
};
