import { globbySync } from 'globby';
import { execaSync, execa } from 'execa';
import spawn from 'cross-spawn';
import glob from 'glob';
import { Injectable } from '@nestjs/common';

@Injectable()
export class BuildService {
  async sources(root: string): Promise<string[]> {
    return globbySync(['src/**/*.ts', '!**/*.d.ts'], { cwd: root });
//         ^^^^^^^^^^ sync-io-in-async
  }

  async compile(root: string) {
    const { stdout } = execaSync('tsc', ['-p', root]);
//                     ^^^^^^^^^ sync-io-in-async
    const lint = spawn.sync('eslint', [root], { encoding: 'utf8' });
    const assets = glob.sync('assets/**', { cwd: root });
    return { stdout, lint: lint.status, assets, tests: await execa('vitest', ['run']) };
  }
}
