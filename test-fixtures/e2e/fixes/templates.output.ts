import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

export async function renderTemplate(name: string, title: string): Promise<string> {
  const template = await readFile(`templates/${name}.html`, 'utf8');
//                 ^^^^^^^^^^^^ sync-io-in-async
  return template.replace('{{title}}', title);
}
