import type { Rule } from '../types';

export const nPlusOne: Rule = {
  meta: {
    id: 'n-plus-one',
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
