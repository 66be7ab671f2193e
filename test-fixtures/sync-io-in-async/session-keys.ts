// Keys for a session cookie: derived with HKDF or generated at random, microseconds of work; stretched from a password, seconds.
import { generateKeySync, hkdfSync, scryptSync } from 'node:crypto';

declare function secret(): string;

export async function cookieKey(salt: string): Promise<ArrayBuffer> {
  return hkdfSync('sha256', secret(), salt, 'session cookie', 32);
}

export async function signingKey(): Promise<string> {
  return generateKeySync('hmac', { length: 256 }).export().toString('hex');
}

export async function passwordKey(password: string, salt: string): Promise<Buffer> {
  return scryptSync(password, salt, 64);
  //     ^^^^^^^^^^ sync-io-in-async
}
