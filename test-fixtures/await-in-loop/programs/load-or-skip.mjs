// Loads every configuration, reporting the ones that fail at their own place in the order.
import { runOnVirtualClock, simulatedIo } from '../../programs/simulated-io.mjs';

const paths = Array.from({ length: 12 }, (_, n) => `config-${n}.json`);
const latency = [30, 5, 25, 10, 40, 15, 5, 35, 20, 10, 45, 5];

function loadConfig(path) {
  const n = Number(/\d+/.exec(path)[0]);
  return simulatedIo(latency[n], { name: `service-${n}` }, n % 5 === 3 ? new Error(`${path} is not valid JSON`) : undefined);
}

async function main() {
  const names = [];
  for (const path of paths) {
    try {
      const config = await loadConfig(path);
      names.push(config.name);
      console.log(`loaded ${path}`);
    } catch (error) {
      console.log(`skipping ${path}: ${error.message}`);
    }
  }
  console.log(names.join(', '));
}

await runOnVirtualClock(main);
