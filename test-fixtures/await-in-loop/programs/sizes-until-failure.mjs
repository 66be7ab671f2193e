// Sums file sizes in an index loop until one read fails: the fixed program prints the same
// lines before the failure and fails with the same error.
import { runOnVirtualClock, simulatedIo } from '../../programs/simulated-io.mjs';

const latency = [20, 5, 35, 10, 15, 40, 5, 25, 5, 10];
const FAILING = 7;

function readSize(file, position) {
  const error = position === FAILING ? new Error(`cannot read ${file}`) : undefined;
  return simulatedIo(latency[position], position * 100 + file.length, error);
}

async function main() {
  const files = Array.from({ length: latency.length }, (_, position) => `part-${position}.csv`);
  let total = 0;
  for (let i = 0; i < files.length; i++) {
    const size = await readSize(files[i], i);
    total += size;
    console.log(`${files[i]}: ${size} (total ${total})`);
  }
  console.log(`total ${total}`);
}

await runOnVirtualClock(main);
