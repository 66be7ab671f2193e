// A binary probed once behind a module flag is not reported, even when the guard checks what the first call found before it returns.
import { execSync } from 'node:child_process';
import { spawn } from 'node:child_process';

let probed = false;
let pandocPath: string | undefined;

function ensurePandoc(): void {
  if (probed) {
    if (!pandocPath) throw new Error('pandoc is not installed');
    return;
  }
  probed = true;
  try {
    pandocPath = execSync('which pandoc', { encoding: 'utf8' }).trim();
  } catch {
    pandocPath = undefined;
  }
}

let warned = false;

/** The guard warns but lets every call through: the command runs each time. */
function pandocVersion(): string {
  if (warned) {
    console.warn('asking pandoc for its version again');
  }
  warned = true;
  return execSync('pandoc --version', { encoding: 'utf8' });
}

let checked = false;

/** The guard returns only on one of its paths: the command runs again while the file is missing. */
function templateVersion(file: string): string {
  if (checked) {
    if (file.endsWith('.latex')) return 'latex';
  }
  checked = true;
  return execSync(`pandoc --print-default-template=${file}`, { encoding: 'utf8' });
}

export async function convert(markdown: string, format: string): Promise<string> {
  ensurePandoc();
  const version = pandocVersion();
  //              ^^^^^^^^^^^^^ sync-io-in-async
  const template = templateVersion(format);
  //               ^^^^^^^^^^^^^^^ sync-io-in-async
  const child = spawn(pandocPath!, ['-f', 'markdown', '-t', format]);
  child.stdin.end(markdown);
  return `${version}\n${template}`;
}

export async function toPdf(markdown: string): Promise<string> {
  ensurePandoc();
  return convert(markdown, 'pdf');
}
