// Prettier formats the text it is handed in the process: a function that awaits only it waits on no request.
import { format } from 'prettier/standalone';
import * as prettier from 'prettier';
import babel from 'prettier/plugins/babel';
import estree from 'prettier/plugins/estree';

interface Snippet {
  name: string;
  code: string;
}

declare function publishSnippet(name: string, code: string): Promise<void>;

async function tidyJson(value: string): Promise<unknown> {
  try {
    return JSON.parse(await format(value, { parser: 'json-stringify', plugins: [babel, estree] }));
  } catch {
    return value;
  }
}

export async function attributesOf(raw: Record<string, string>): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    out[key] = await tidyJson(value);
  }
  return out;
}

export async function formatAll(snippets: Snippet[]): Promise<string[]> {
  const formatted: string[] = [];
  for (const snippet of snippets) {
    formatted.push(await prettier.format(snippet.code, { parser: 'typescript' }));
  }
  return formatted;
}

// Publishing what was formatted sends a request per snippet: reported.
export async function publishAll(snippets: Snippet[]): Promise<void> {
  for (const snippet of snippets) {
    const code = await prettier.format(snippet.code, { parser: 'typescript' });
    await publishSnippet(snippet.name, code);
//  ^^^^^ await-in-loop
  }
}
