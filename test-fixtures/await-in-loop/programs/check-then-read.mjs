// Checks each item, then reads its file; the check fails at one item, and the fixed loop fails
// there too, after printing the same lines.
import { runOnVirtualClock, simulatedIo } from '../../programs/simulated-io.mjs';

const latency = [30, 5, 25, 10, 40, 15, 5, 35, 20, 10];
const items = latency.map((_, n) => ({ id: `item-${n}`, dataId: n }));
const known = new Set(items.filter((item) => item.dataId !== 8).map((item) => item.id));

function getFile(dataId) {
  return simulatedIo(latency[dataId], 'x'.repeat(dataId * 3));
}

async function main() {
  let total = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!known.has(item.id)) throw new Error(`unknown item ${item.id}`);
    const bytes = await getFile(item.dataId);
    total += bytes.length;
    console.log(`${item.id}: ${bytes.length} (total ${total})`);
  }
}

await runOnVirtualClock(main);
