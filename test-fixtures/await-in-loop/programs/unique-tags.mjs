// Reads each distinct tag once from a Set, which the fix copies to an array before the loop.
import { runOnVirtualClock, simulatedIo } from '../../programs/simulated-io.mjs';

const latency = { api: 30, db: 5, ui: 25, ops: 10, docs: 40, test: 15, auth: 5, search: 35 };

function fetchTagCount(tag) {
  return simulatedIo(latency[tag], tag.length * 7);
}

async function countAll(tags) {
  for (const tag of tags) {
    const count = await fetchTagCount(tag);
    console.log(`${tag}: ${count}`);
  }
}

async function main() {
  await countAll(new Set(['api', 'db', 'ui', 'api', 'ops', 'docs', 'test', 'auth', 'db', 'search']));
}

await runOnVirtualClock(main);
