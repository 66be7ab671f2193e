// An async method of the class that only compares values, or a function declared to return a boolean,
// does no I/O: waiting for all of them waits for nothing. A method that sends a request is still work.
type Condition = { type: 'email' | 'domain'; operator: 'equals' | 'endsWith'; value: string };

function matchesDomain(condition: Condition, email: string): boolean {
  const domain = email.split('@')[1] ?? '';
  return condition.operator === 'equals' ? domain === condition.value : domain.endsWith(condition.value);
}

export class RuleEngine {
  async allPass(conditions: Condition[], email: string): Promise<boolean> {
    const results = await Promise.all(conditions.map((condition) => this.evaluate(condition, email)));
    return results.every(Boolean);
  }

  async anyPasses(conditions: Condition[], email: string): Promise<boolean> {
    const results = await Promise.all(conditions.map((condition) => this.checkRemotely(condition, email)));
    //                    ^^^^^^^^^^^ unbounded-promise-all
    return results.some(Boolean);
  }

  private async evaluate(condition: Condition, email: string): Promise<boolean> {
    switch (condition.type) {
      case 'email':
        return this.matchesEmail(condition, email.toLowerCase());
      case 'domain':
        return matchesDomain(condition, email.toLowerCase());
      default:
        return false;
    }
  }

  private matchesEmail(condition: Condition, email: string): boolean {
    return condition.operator === 'equals' ? email === condition.value : email.endsWith(condition.value);
  }

  private async checkRemotely(condition: Condition, email: string): Promise<boolean> {
    const response = await fetch('https://rules.example.com/check', { method: 'POST', body: JSON.stringify({ condition, email }) });
    return response.ok;
  }
}
