import { setTimeout as sleep } from 'node:timers/promises';

export async function latestTitles(feeds) {
  const titles = [];
  for (const feed of feeds) {
    const response = await fetch(feed);
    //               ^^^^^ await-in-loop
    const body = await response.text();
    titles.push(body.slice(0, 80));
  }
  return titles;
}

export async function pollUntilReady(url) {
  for (;;) {
    const response = await fetch(url);
    if (response.ok) return response;
    await sleep(500);
  }
}

export const checkAll = async (hosts) => {
  const down = [];
  for (const host of hosts) {
    const { ok } = await fetch(`https://${host}/health`);
    //             ^^^^^ await-in-loop
    if (!ok) down.push(host);
  }
  return down;
};
