// Loads each user's profile into the user object itself: the function writes to what it is
// given, so the fix is unsafe, and keeps the output when no load fails.
import { runOnVirtualClock, simulatedIo } from '../../programs/simulated-io.mjs';

const users = ['ada', 'grace', 'alan', 'edsger', 'barbara', 'ken'].map((name) => ({ name }));

async function loadProfile(user) {
  user.profile = await simulatedIo(5 + ((user.name.length * 11) % 30), `${user.name}'s profile`);
}

async function main() {
  for (const user of users) {
    await loadProfile(user);
  }
  console.log(users.map((user) => `${user.name}: ${user.profile}`).join('\n'));
}

await runOnVirtualClock(main);
