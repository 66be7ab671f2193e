// Decrypting with a key the process holds is work on its own CPU: a function of the project named for a cipher, or
// node:crypto's. A key-management service's client sends every value to the service.
import { KeyManagementServiceClient } from '@google-cloud/kms';
import { decryptSecret, encryptSecret } from './security/encryption';

interface StoredKey {
  id: string;
  encryptedValue: string;
}

const kms = new KeyManagementServiceClient();

export async function listKeys(rows: StoredKey[]) {
  return Promise.all(
    rows.map(async (row) => {
      const { decrypted } = await decryptSecret(row.encryptedValue);
      return { id: row.id, preview: `${decrypted.slice(0, 4)}…` };
    }),
  );
}

export async function saveVariables(variables: Record<string, string>) {
  return Promise.all(Object.entries(variables).map(async ([name, value]) => ({ name, ...(await encryptSecret(value)) })));
}

export async function unwrapKeys(rows: StoredKey[]) {
  return Promise.all(rows.map((row) => kms.decrypt({ name: row.id, ciphertext: Buffer.from(row.encryptedValue, 'base64') })));
  //     ^^^^^^^^^^^ unbounded-promise-all
}
