// Checking inputs one by one with a function that throws at the first invalid one reports errors in the inputs' order;
// it checks in memory and asks a configured hook, whose answer it only tests. A check that fetches per item is reported.
interface FieldRule {
  name: string;
  pattern?: string;
  check?: (value: unknown) => Promise<string | undefined>;
}

class InputError extends Error {}

export class FormChecker {
  constructor(private readonly rules: FieldRule[]) {}

  async checkAll(inputs: Array<Record<string, unknown>>): Promise<void> {
    for (const input of inputs) {
      await this.validateInput(input);
    }
  }

  async checkLinks(urls: string[]): Promise<void> {
    for (const url of urls) {
      await this.validateLink(url);
//    ^^^^^ await-in-loop
    }
  }

  private async validateInput(input: Record<string, unknown>): Promise<void> {
    for (const [key, value] of Object.entries(input)) {
      const rule = this.rules.find((candidate) => candidate.name === key);
      if (rule) await this.validateField(rule, value);
    }
  }

  private async validateField(rule: FieldRule, value: unknown): Promise<void> {
    if (rule.pattern && !new RegExp(rule.pattern).test(String(value))) throw new InputError(`${rule.name} does not match`);
    if (typeof rule.check === 'function') {
      const problem = await rule.check(value);
      if (problem) throw new InputError(problem);
    }
  }

  private async validateLink(url: string): Promise<void> {
    const response = await fetch(url, { method: 'HEAD' });
    if (!response.ok) throw new InputError(`${url} answered ${response.status}`);
  }
}
