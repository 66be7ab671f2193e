// Keeps the roles a user may see, asking once per role; the check in the `if` runs ahead with
// the bound and the loop keeps the roles in their order. One check fails: the same error ends it.
import { runOnVirtualClock, simulatedIo } from '../../programs/simulated-io.mjs';

const latency = [25, 5, 40, 10, 30, 5, 15, 35, 20, 10, 45];
const FAILING = 10;
const roles = latency.map((_, id) => ({ id, channel: id % 3 }));

function isVisibleTo(userId, role) {
  const error = role.id === FAILING ? new Error(`no access list for role ${role.id}`) : undefined;
  return simulatedIo(latency[role.id], (role.channel + userId) % 2 === 0, error);
}

async function main() {
  const visible = [];
  for (const role of roles) {
    if (await isVisibleTo(1, role)) {
      visible.push(role.id);
      console.log(`role ${role.id} visible (${visible.length} so far)`);
    }
  }
  console.log(`visible: ${visible.join(', ')}`);
}

await runOnVirtualClock(main);
