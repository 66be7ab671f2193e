// A package's `decode` turns the text handed over into keys on the spot: awaiting it per recipient waits for nothing, even
// where the code awaits it out of caution. Looking each key up on a relay is a request per recipient.
import { keys } from 'nostr-kit';

interface Relay {
  profile(publicKey: string): Promise<{ name: string } | undefined>;
}

export async function publicKeysOf(recipients: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const recipient of recipients) {
    const { type, data } = await keys.decode(recipient);
    if (type !== 'npub') throw new Error(`${recipient} is not a public key`);
    found.push(data);
  }
  return found;
}

export async function profileNames(relay: Relay, publicKeys: string[]): Promise<string[]> {
  const names: string[] = [];
  for (const publicKey of publicKeys) {
    const profile = await relay.profile(publicKey);
//                  ^^^^^ await-in-loop
    if (profile) names.push(profile.name);
  }
  return names;
}
