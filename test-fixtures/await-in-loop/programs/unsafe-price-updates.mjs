// Updates the prices of the sets that have any, skipping the others after a lookup; the skip
// becomes a return in the per-item function. The updates are writes: the fix is unsafe, and
// keeps the output when no update fails.
import { runOnVirtualClock, simulatedIo } from '../../programs/simulated-io.mjs';

const latency = [25, 5, 40, 10, 30, 5, 15, 35, 20, 10];
const priceSets = new Map(latency.map((_, id) => [`set-${id}`, { id: `set-${id}`, prices: id % 3 === 1 ? undefined : [id * 100] }]));
const updated = new Map();

function isDefined(value) {
  return value !== undefined;
}

async function updatePriceSets(id, { prices }) {
  await simulatedIo(latency[Number(id.slice(4))], undefined);
  updated.set(id, prices);
}

async function main() {
  for (const id of priceSets.keys()) {
    const priceSet = priceSets.get(id);
    if (!isDefined(priceSet.prices)) {
      continue;
    }
    await updatePriceSets(priceSet.id, { prices: priceSet.prices });
  }
  console.log([...updated].sort(([a], [b]) => a.localeCompare(b)).map(([id, prices]) => `${id}: ${prices}`).join('\n'));
}

await runOnVirtualClock(main);
