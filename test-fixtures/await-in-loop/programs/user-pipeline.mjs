// Two dependent reads per user (the user, then their orders): one pipeline per user, run concurrently.
import { runOnVirtualClock, simulatedIo } from '../../programs/simulated-io.mjs';

const latency = [30, 5, 25, 10, 40, 15, 5, 35, 20, 10];

function getUser(id) {
  return simulatedIo(latency[id], { id, name: `user-${id}` });
}

function listOrders(userId) {
  return simulatedIo(latency[(userId + 3) % latency.length], Array.from({ length: userId % 4 }, (_, n) => `order-${userId}-${n}`));
}

async function main() {
  const ids = latency.map((_, id) => id);
  for (const id of ids) {
    const user = await getUser(id);
    const orders = await listOrders(user.id);
    console.log(`${user.name}: ${orders.join(', ') || 'no orders'}`);
  }
}

await runOnVirtualClock(main);
