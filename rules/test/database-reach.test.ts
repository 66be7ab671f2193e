import * as assert from 'node:assert/strict';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { analyzeWithRules, DEFAULT_OPTIONS } from '../src/engine';
import { databaseQueryOf } from '../src/analysis/queries';
import { syntaxSignals } from '../src/syntax-signals';
import { databaseInReach } from '../src/analysis/database-reach';
import type { ProjectModels } from '../src/analysis/orm-index';
import type { Rule, RuleId } from '../src';

/** A rule of the test's own: reports every call in which `databaseQueryOf` finds a query, naming its operation. */
const queryProbe: Rule = {
  meta: { id: 'query-probe' as RuleId, defaultSeverity: 'warning', description: 'test probe', messages: { query: '{{operation}}' }, fixable: false },
  prefilter: /\(/,
  gate: () => true,
  create(context) {
    return {
      CallExpression(node: TSESTree.CallExpression) {
        const found = databaseQueryOf(context, node);
        if (found?.call === node) context.report({ node, messageId: 'query', data: { operation: found.operation } });
      },
    };
  },
};

const PRISMA_FILE = "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nexport const all = () => prisma.user.findMany();\n";

function operations(text: string, signals = syntaxSignals(text, 'sample.ts'), rules: readonly Rule[] = [queryProbe]): string[] {
  return analyzeWithRules(text, 'sample.ts', DEFAULT_OPTIONS, rules, signals).findings.map((finding) => `${finding.start} ${finding.message}`);
}

describe('database in reach', () => {
  it('finds the query of a file that imports its client', () => {
    assert.deepEqual(operations(PRISMA_FILE), [`${PRISMA_FILE.indexOf('prisma.user')} findMany`]);
  });

  it('looks for no query where the signals show no database in reach', () => {
    assert.deepEqual(operations(PRISMA_FILE, { ...syntaxSignals(PRISMA_FILE, 'sample.ts'), reachesDatabase: false }), []);
  });

  it('looks for queries where no gate read the signals', () => {
    const ungated: Rule = { ...queryProbe, gate: undefined };
    assert.deepEqual(
      analyzeWithRules(PRISMA_FILE, 'sample.ts', DEFAULT_OPTIONS, [ungated]).findings.map((finding) => finding.message),
      ['findMany'],
    );
  });

  it('counts a file that imports the project as in reach only when some function of the project runs a query', () => {
    const text = "import { sendReport } from './reports';\nexport const run = (ids: string[]) => Promise.all(ids.map(sendReport));\n";
    const signals = syntaxSignals(text, 'sample.ts');
    const site = {
      file: '/app/src/reports.ts',
      start: 0,
      end: 1,
      line: 1,
      column: 1,
      text: 'prisma.report.findMany',
      library: 'prisma' as const,
      kind: 'read' as const,
      operation: 'findMany',
    };
    const withFunctions = (functions: ProjectModels['functions']): boolean =>
      databaseInReach(signals, { ...DEFAULT_OPTIONS, project: { dependencies: new Set(), models: { models: {}, exports: {}, functions } } });
    // Files whose functions only call one another, or only wait on a provider, stay listed with nothing under them.
    assert.equal(withFunctions({ '/app/src/reports': {} }), false);
    assert.equal(withFunctions({ '/app/src/reports': { loadReports: site } }), true);
  });
});
