// valid
import fs from 'node:fs';
import path from 'node:path';

// Only the function that builds the app calls it.
export async function loadIndexHtml(publicDir: string, basePath: string): Promise<string> {
  const html = fs.readFileSync(path.join(publicDir, 'index.html'), 'utf8');
  return html.replace('<base href="/">', `<base href="${basePath}/">`);
}
