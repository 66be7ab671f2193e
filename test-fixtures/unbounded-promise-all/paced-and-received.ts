// A loop paced by a rate limiter or a pause starts its work at that pace, and reading the bodies
// of responses already received starts no request; the same shapes without them are reported.
import { RateLimiter } from 'limiter';

type Member = { id: string; email: string };

declare function startOnboarding(member: Member): Promise<void>;
declare function sleep(ms: number): Promise<void>;
declare const api: { get(url: string): { json(): Promise<unknown> } };

const limiter = new RateLimiter({ tokensPerInterval: 10, interval: 'second' });

export async function onboardPaced(members: Member[]) {
  const started: Promise<void>[] = [];
  for (const member of members) {
    await limiter.removeTokens(1);
    started.push(startOnboarding(member));
  }
  return Promise.allSettled(started);
}

export async function onboardSpaced(members: Member[]) {
  const started: Promise<void>[] = [];
  for (const member of members) {
    started.push(startOnboarding(member));
    await sleep(100);
  }
  await Promise.all(started);
}

export async function onboardAtOnce(members: Member[]) {
  const started: Promise<void>[] = [];
  for (const member of members) started.push(startOnboarding(member));
  await Promise.all(started);
  //    ^^^^^^^^^^^ unbounded-promise-all
}

export async function checkMirrors(mirrors: string[], path: string) {
  const responses = await Promise.all(mirrors.map((mirror) => fetch(`${mirror}${path}`)));
  //                      ^^^^^^^^^^^ unbounded-promise-all
  return Promise.all(responses.map((response) => response.json()));
}

export async function fetchBodies(urls: string[]) {
  return Promise.all(urls.map((url) => fetch(url).then((response) => response.json())));
  //     ^^^^^^^^^^^ unbounded-promise-all
}

export async function clientBodies(urls: string[]) {
  return Promise.all(urls.map((url) => api.get(url).json()));
  //     ^^^^^^^^^^^ unbounded-promise-all
}
