// Reads a size for each entry of an object; the entries are taken once before the loop.
import { runOnVirtualClock, simulatedIo } from '../../programs/simulated-io.mjs';

const latency = [30, 5, 25, 10, 40, 15, 5, 35];
const sources = Object.fromEntries(latency.map((_, n) => [`source-${n}`, n]));

function fetchSize(n) {
  return simulatedIo(latency[n], n * 100 + 7);
}

async function main() {
  let total = 0;
  for (const [name, n] of Object.entries(sources)) {
    const size = await fetchSize(n);
    total += size;
    console.log(`${name}: ${size} (total ${total})`);
  }
}

await runOnVirtualClock(main);
