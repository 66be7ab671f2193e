import fs from 'node:fs';

// Read again for every preflight request.
export async function allowedOrigins(tenant: string): Promise<string[]> {
  return fs.readFileSync(`/etc/app/origins/${tenant}.txt`, 'utf8').split('\n');
//       ^^^^^^^^^^^^^^^ sync-io-in-async
}
