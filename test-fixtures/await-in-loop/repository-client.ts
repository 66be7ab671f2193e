// A git client made for one working copy before the loop runs its commands in that repository, whose locks
// (`.git/config.lock`, `.git/index.lock`) let one command in at a time. A client per repository is reported.
import { simpleGit } from 'simple-git';

function gitFor(dir: string) {
  return simpleGit({ baseDir: dir, maxConcurrentProcesses: 1 });
}

export async function applyConfig(dir: string, settings: Record<string, string>): Promise<void> {
  const git = gitFor(dir);
  for (const [key, value] of Object.entries(settings)) {
    await git.addConfig(key, value);
  }
}

export async function unsetKeys(dir: string, keys: string[]): Promise<void> {
  const git = simpleGit(dir);
  for (const key of keys) {
    await git.raw(['config', '--unset', key]);
  }
}

export async function pullAll(repositories: Array<{ dir: string; branch: string }>): Promise<void> {
  for (const repository of repositories) {
    await simpleGit(repository.dir).fetch('origin', repository.branch);
//  ^^^^^ await-in-loop
  }
}
