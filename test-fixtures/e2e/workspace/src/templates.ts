import { readFileSync } from 'node:fs';

export async function renderTemplate(name: string, title: string): Promise<string> {
  const template = readFileSync(`templates/${name}.html`, 'utf8');
//                 ^^^^^^^^^^^^ sync-io-in-async
  return template.replace('{{title}}', title);
}
