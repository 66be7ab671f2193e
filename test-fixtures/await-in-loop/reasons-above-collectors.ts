// A comment that gives the loop's reason to run one at a time, above the empty lists and counters the loop fills, keeps
// it sequential. A comment there that says nothing of order, or one above other work before the loop, leaves it reported.
interface Rule {
  id: string;
  conditions: string[];
}

interface Clause {
  ruleId: string;
  where: Record<string, unknown>;
}

declare function buildClause(rule: Rule, tenantId: string): Promise<Record<string, unknown>>;
declare function openSession(tenantId: string): Promise<{ close(): Promise<void> }>;

export async function clausesForRules(rules: Rule[], tenantId: string): Promise<Clause[]> {
  const startedAt = Date.now();

  // Rules without conditions always match. The others get a clause: build them sequentially, as a clause
  // may read the database itself and building all at once would exhaust the connection pool.
  const matching: string[] = [];
  const clauses: Clause[] = [];
  let skipped = 0;

  for (const rule of rules) {
    if (rule.conditions.length === 0) {
      matching.push(rule.id);
      continue;
    }
    const where = await buildClause(rule, tenantId);
    if (Object.keys(where).length === 0) skipped++;
    else clauses.push({ ruleId: rule.id, where });
  }
  void startedAt;
  return skipped > 0 ? clauses : clauses.slice();
}

export async function clausesWithEmptyMaps(rules: Rule[], tenantId: string): Promise<Map<string, Record<string, unknown>>> {
  // One rule at a time, to stay under the provider's rate limit.
  const byRule = new Map<string, Record<string, unknown>>();
  for (const rule of rules) byRule.set(rule.id, await buildClause(rule, tenantId));
  return byRule;
}

export async function clausesCollected(rules: Rule[], tenantId: string): Promise<Clause[]> {
  // Rules without conditions always match; the others get a clause each.
  const clauses: Clause[] = [];
  for (const rule of rules) {
    clauses.push({ ruleId: rule.id, where: await buildClause(rule, tenantId) });
    //                                     ^^^^^ await-in-loop
  }
  return clauses;
}

export async function clausesAfterSession(rules: Rule[], tenantId: string): Promise<Clause[]> {
  // Open the session sequentially, before the rules are read.
  const session = await openSession(tenantId);
  const clauses: Clause[] = [];
  for (const rule of rules) {
    clauses.push({ ruleId: rule.id, where: await buildClause(rule, tenantId) });
    //                                     ^^^^^ await-in-loop
  }
  await session.close();
  return clauses;
}
