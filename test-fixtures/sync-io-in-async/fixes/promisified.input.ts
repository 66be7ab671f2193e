import * as zlib from 'zlib';
import { promisify } from 'util';
import { randomFillSync, generateKeyPairSync, scryptSync, pbkdf2Sync } from 'crypto';

const gzipAsync = promisify(zlib.gzip);

export async function pack(payload: string, password: string) {
  const compressed = zlib.gzipSync(payload);
  const nonce = randomFillSync(Buffer.alloc(12));
  const { publicKey } = generateKeyPairSync('ed25519');
  const key = scryptSync(password, nonce, 32).toString('hex');
  const legacyKey = pbkdf2Sync(password, nonce, 100_000, 32, 'sha512');
  return { compressed: (await gzipAsync(payload)).equals(compressed), nonce: nonce.length, type: publicKey.type, key, legacyKey };
}
