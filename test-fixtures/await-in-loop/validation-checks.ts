// Checking inputs one by one with a function that throws at the first invalid one reports errors in the inputs' order;
// it checks in memory and asks a configured hook (its own, or each of its nested fields'), whose answer it only tests or
// puts in the error it throws. A check that fetches per item, or one that keeps the hook's answer, is reported.
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

type Message = { locale: string; text: string };

interface GroupRule {
  name: string;
  fields?: Array<{ name: string; check?: (value: unknown) => Promise<string | Message[] | undefined> }>;
}

export async function checkGroups(rule: GroupRule, values: Array<Record<string, unknown>>, locale: string): Promise<void> {
  for (const value of values) {
    await validateGroup(rule, value, locale);
  }
}

export async function collectGroupNotes(rule: GroupRule, values: Array<Record<string, unknown>>): Promise<void> {
  for (const value of values) {
    await noteGroup(rule, value);
//  ^^^^^ await-in-loop
  }
}

async function validateGroup(rule: GroupRule, value: Record<string, unknown>, locale: string): Promise<void> {
  for (const field of rule.fields ?? []) {
    if (typeof field.check !== 'function') continue;
    const problem = await field.check(value[field.name]);
    if (typeof problem === 'string') throw new InputError(problem);
    if (Array.isArray(problem)) {
      const message = problem.find((candidate) => candidate.locale === locale) ?? problem[0];
      throw new InputError(message?.text ?? field.name);
    }
  }
}

const notes: unknown[] = [];

async function noteGroup(rule: GroupRule, value: Record<string, unknown>): Promise<void> {
  for (const field of rule.fields ?? []) {
    const problem = await field.check?.(value[field.name]);
    if (Array.isArray(problem)) {
      notes.push(problem);
      if (problem.length > 3) throw new InputError(field.name);
    }
  }
}
