// A loop that takes the first usable item writes once and leaves; a loop that goes on writes once per item.
import { createClient } from 'redis';

const cache = createClient();

interface TokenState {
  token: string;
  remaining: number;
}

export async function takeToken(states: TokenState[]): Promise<string | undefined> {
  for (const state of states) {
    if (state.remaining > 0) {
      await cache.hSet('tokens', state.token, String(state.remaining - 1));
      return state.token;
    }
  }
  return undefined;
}

export async function takeFirstFree(states: TokenState[]): Promise<TokenState | undefined> {
  let taken: TokenState | undefined;
  for (const state of states) {
    if (state.remaining === 0) continue;
    await cache.hSet('tokens', state.token, '0');
    taken = state;
    break;
  }
  return taken;
}

export async function spendAll(states: TokenState[]): Promise<void> {
  for (const state of states) {
    if (state.remaining > 0) {
      await cache.hSet('tokens', state.token, '0');
      //    ^^^^^^^^^^ n-plus-one
      continue;
    }
  }
}

export async function refillFirstGroup(groups: TokenState[][]): Promise<void> {
  for (const group of groups) {
    for (const state of group) {
      await cache.hSet('tokens', state.token, '10');
      //    ^^^^^^^^^^ n-plus-one
    }
    return;
  }
}
