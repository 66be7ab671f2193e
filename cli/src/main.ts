import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, isSourceFile, LineIndex } from '../../rules/src';

/** Minimal entry: lints the given paths and prints findings as text. */
function collect(target: string, files: string[]): void {
  const stat = fs.statSync(target);
  if (stat.isDirectory()) {
    for (const entry of fs.readdirSync(target)) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue;
      collect(path.join(target, entry), files);
    }
  } else if (isSourceFile(target)) {
    files.push(target);
  }
}

const files: string[] = [];
for (const target of process.argv.slice(2).length ? process.argv.slice(2) : ['.']) collect(target, files);
let count = 0;
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  const lines = new LineIndex(text);
  for (const finding of analyze(text, file).findings) {
    const { line, column } = lines.position(finding.start);
    console.log(`${path.relative(process.cwd(), file)}:${line}:${column}  ${finding.severity}  ${finding.message}  ${finding.ruleId}`);
    count++;
  }
}
console.log(`${count} finding(s) in ${files.length} file(s)`);
process.exitCode = count > 0 ? 1 : 0;
