// Fetches users one by one; the fix fetches them with bounded concurrency and prints the same.
import { runOnVirtualClock, simulatedIo } from '../../programs/simulated-io.mjs';

const names = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Ken', 'Margaret', 'Dennis', 'Frances', 'Donald', 'Radia', 'Tim'];
// The latency differs per user, so concurrent calls finish out of order.
const latency = [30, 5, 25, 10, 40, 15, 5, 35, 20, 10, 45, 5];

function fetchUser(id) {
  return simulatedIo(latency[id], { id, name: names[id] });
}

async function main() {
  const ids = names.map((_, id) => id);
  const byName = new Map();
  for (const id of ids) {
    const user = await fetchUser(id);
    byName.set(user.name, user.id);
    console.log(`${user.id} ${user.name}`);
  }
  console.log([...byName.keys()].join(', '));
}

await runOnVirtualClock(main);
