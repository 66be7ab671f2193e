// A key stretched by a helper blocks in every async function that calls it: the rare one that stores a token does not hide the one
// that checks every request's token. A file's blocking read stays reported once, at one of its callers.
import { pbkdf2Sync } from 'node:crypto';
import { readFileSync } from 'node:fs';

declare const tokens: { insert(hash: string): Promise<void>; findOwner(hash: string): Promise<string | undefined> };

export class AccessTokens {
  private readonly rounds = 200_000;

  async issue(token: string): Promise<void> {
    await tokens.insert(this.digest(token));
    //                  ^^^^^^^^^^^ sync-io-in-async
  }

  async ownerOf(token: string): Promise<string | undefined> {
    return tokens.findOwner(this.digest(token));
    //                      ^^^^^^^^^^^ sync-io-in-async
  }

  digest(token: string): string {
    return pbkdf2Sync(token, 'tokens', this.rounds, 32, 'sha512').toString('hex');
  }

  async firstBanner(): Promise<string> {
    return this.banner().split('\n')[0] ?? '';
    //     ^^^^^^^^^^^ sync-io-in-async
  }

  async bannerLength(): Promise<number> {
    return this.banner().length;
  }

  banner(): string {
    return readFileSync(process.argv[2] ?? 'banner.txt', 'utf8');
  }
}
