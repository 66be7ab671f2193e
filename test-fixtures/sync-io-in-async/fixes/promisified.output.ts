import * as zlib from 'zlib';
import { promisify } from 'util';
import { randomFillSync, generateKeyPairSync, scryptSync, pbkdf2Sync, generateKeyPair, scrypt, pbkdf2 } from 'crypto';
const pbkdf2Async = promisify(pbkdf2);
const scryptAsync = promisify(scrypt);
const generateKeyPairAsync = promisify(generateKeyPair);

const gzipAsync = promisify(zlib.gzip);

export async function pack(payload: string, password: string) {
  const compressed = await gzipAsync(payload);
  const nonce = randomFillSync(Buffer.alloc(12));
  const { publicKey } = await generateKeyPairAsync('ed25519');
  const key = (await scryptAsync(password, nonce, 32) as Buffer).toString('hex');
  const legacyKey = await pbkdf2Async(password, nonce, 100_000, 32, 'sha512');
  return { compressed: (await gzipAsync(payload)).equals(compressed), nonce: nonce.length, type: publicKey.type, key, legacyKey };
}
