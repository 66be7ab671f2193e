import crypto from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';

export class SigningKeys {
  static keys?: crypto.KeyPairKeyObjectResult;

  // Runs once as the server starts; a missing key pair is made then, before any request is served.
  static async init(): Promise<void> {
    if (existsSync('signing.key')) {
      const pem = await readFile('signing.key');
      const privateKey = crypto.createPrivateKey(pem);
      SigningKeys.keys = { privateKey, publicKey: crypto.createPublicKey(privateKey) };
      return;
    }
    SigningKeys.keys = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await writeFile('signing.key', SigningKeys.keys.privateKey.export({ format: 'pem', type: 'sec1' }));
  }
}

export class LegacyKeys {
  // RSA searches for random primes: tens to hundreds of milliseconds, even at boot.
  static async init(): Promise<crypto.KeyPairKeyObjectResult> {
    return crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
//         ^^^^^^^^^^^^^^^^^^^^^^^^^^ sync-io-in-async
  }
}

// A fresh key per session, made while requests wait.
export async function openSession(userId: string): Promise<string> {
  const { publicKey } = crypto.generateKeyPairSync('ed25519');
//                      ^^^^^^^^^^^^^^^^^^^^^^^^^^ sync-io-in-async
  return `${userId}:${publicKey.export({ format: 'pem', type: 'spki' })}`;
}
