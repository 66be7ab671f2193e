import fs from 'node:fs';
import path from 'node:path';

const PROVIDERS = path.join(__dirname, 'providers');

export class ProviderRegistry {
  static readonly loaded = new Map<string, unknown>();

  // Called once by the API server's start.
  static async discover(): Promise<void> {
    for (const name of fs.readdirSync(PROVIDERS)) ProviderRegistry.loaded.set(name, require(path.join(PROVIDERS, name)));
  }

  // Called by a request handler: a provider added while the server runs.
  static async refresh(name: string): Promise<void> {
    ProviderRegistry.loaded.set(name, JSON.parse(fs.readFileSync(path.join(PROVIDERS, name, 'manifest.json'), 'utf8')));
//                                               ^^^^^^^^^^^^^^^ sync-io-in-async
  }
}
