import { execSync, execFileSync } from 'node:child_process';

export async function release(version: string) {
  execSync(`npm version ${version}`, { stdio: 'pipe' });
  const tag = execSync('git describe --tags', { encoding: 'utf8', stdio: 'pipe' }).trim();
  const log = execFileSync('git', ['log', '-1'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const status = execSync('git status --short').toString();
  try {
    execSync('npm publish', { stdio: 'pipe' });
  } catch (error) {
    return { tag, log: log.toString(), status, error };
  }
  execSync('git push --tags', { stdio: 'inherit' });
  return { tag, log: log.toString(), status };
}
