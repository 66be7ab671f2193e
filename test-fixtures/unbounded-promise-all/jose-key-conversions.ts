// jose converts and generates keys with WebCrypto on this process's CPU; fetching a remote key set asks a server.
import { createRemoteJWKSet, exportJWK, jwtVerify, type KeyLike } from 'jose';

export async function publicKeySet(keys: { id: string; key: KeyLike }[]) {
  return Promise.all(keys.map(async ({ id, key }) => ({ ...(await exportJWK(key)), kid: id })));
}

export async function verifyAll(tokens: string[], issuers: string[]) {
  return Promise.all(tokens.map((token, index) => jwtVerify(token, createRemoteJWKSet(new URL(`${issuers[index]}/.well-known/jwks.json`)))));
  //     ^^^^^^^^^^^ unbounded-promise-all
}
