import { execSync } from 'node:child_process';

export async function deploy(target: string): Promise<string> {
  return execSync(`deploy ${target}`).toString();
//       ^^^^^^^^ sync-io-in-async
}
