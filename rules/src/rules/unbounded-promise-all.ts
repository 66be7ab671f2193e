import type { Rule } from '../types';

export const unboundedPromiseAll: Rule = {
  meta: {
    id: 'unbounded-promise-all',
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
