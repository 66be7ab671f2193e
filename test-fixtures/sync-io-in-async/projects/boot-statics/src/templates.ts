import { readFileSync } from 'node:fs';

export class Templates {
  static readonly pages = new Map<string, string>();

  // Read once, while the application starts.
  static async preload(names: string[]): Promise<void> {
    for (const name of names) Templates.pages.set(name, readFileSync(`templates/${name}.html`, 'utf8'));
  }

  static async render(name: string, title: string): Promise<string> {
    return readFileSync(`templates/${name}.html`, 'utf8').replace('{{title}}', title);
//         ^^^^^^^^^^^^ sync-io-in-async
  }
}
