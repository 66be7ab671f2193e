import type { Rule } from '../types';

export const awaitInLoop: Rule = {
  meta: {
    id: 'await-in-loop',
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
