import { execSync, execFileSync, exec, execFile } from 'node:child_process';
import { promisify } from 'node:util';
const execFileAsync = promisify(execFile);
const execAsync = promisify(exec);

export async function release(version: string) {
  await execAsync(`npm version ${version}`);
  const tag = (await execAsync('git describe --tags', { encoding: 'utf8' })).stdout.trim();
  const log = (await execFileAsync('git', ['log', '-1'], { encoding: 'buffer' })).stdout;
  const status = execSync('git status --short').toString();
  try {
    execSync('npm publish', { stdio: 'pipe' });
  } catch (error) {
    return { tag, log: log.toString(), status, error };
  }
  execSync('git push --tags', { stdio: 'inherit' });
  return { tag, log: log.toString(), status };
}
