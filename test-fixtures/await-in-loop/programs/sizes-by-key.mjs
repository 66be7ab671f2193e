// Reads a size for each key of an object, inherited keys included, skipping private ones; the keys are listed once before the loop.
import { runOnVirtualClock, simulatedIo } from '../../programs/simulated-io.mjs';

const latency = [30, 5, 25, 10, 40, 15, 5, 35, 20];
const defaults = { 'shared-a': 7, 'shared-b': 8 };
const sources = Object.assign(Object.create(defaults), Object.fromEntries(latency.slice(2).map((_, n) => [n % 3 === 0 ? `_hidden-${n}` : `source-${n}`, n])));

function fetchSize(key) {
  return simulatedIo(latency[key.length % latency.length], key.length * 100 + 7);
}

async function main() {
  let total = 0;
  for (const key in sources) {
    if (key.startsWith('_')) continue;
    const size = await fetchSize(key);
    total += size;
    console.log(`${key}: ${size} (total ${total})`);
  }
  console.log(`total ${total}`);
}

await runOnVirtualClock(main);
