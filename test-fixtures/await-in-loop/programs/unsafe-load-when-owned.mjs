// Loads the owner's profile of each active account into a shared cache (a write: the fix is
// unsafe, and keeps the output when no load fails); the condition moves with the
// read into the per-item pipeline, so inactive accounts and missing owners are still skipped.
import { runOnVirtualClock, simulatedIo } from '../../programs/simulated-io.mjs';

const latency = [30, 5, 25, 10, 40, 15, 5, 35, 20, 10, 45, 5];
const owners = latency.map((_, id) => ({ id, name: `owner-${id}` })).filter((owner) => owner.id % 5 !== 3);
const accounts = latency.map((_, id) => ({ id, ownerId: (id * 7) % latency.length, active: id % 4 !== 2 }));
const profiles = new Map();

async function loadProfile(ownerId) {
  const profile = await simulatedIo(latency[ownerId], { plan: ownerId % 2 === 0 ? 'pro' : 'free' });
  profiles.set(ownerId, profile.plan);
}

async function main() {
  for (const account of accounts) {
    const owner = owners.find((candidate) => candidate.id === account.ownerId);
    if (owner && account.active) {
      await loadProfile(owner.id);
    }
  }
  const loaded = [...profiles].sort(([a], [b]) => a - b);
  console.log(loaded.map(([id, plan]) => `owner-${id}: ${plan}`).join('\n'));
}

await runOnVirtualClock(main);
