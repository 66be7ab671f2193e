// Sends one notification per address, counting as it goes; the result of the call is unused.
import { runOnVirtualClock, simulatedIo } from '../../programs/simulated-io.mjs';

const addresses = ['ada@example.com', 'grace@example.com', 'alan@example.com', 'edsger@example.com', 'barbara@example.com', 'ken@example.com', 'margaret@example.com', 'dennis@example.com'];

function notify(address) {
  return simulatedIo(5 + ((address.length * 7) % 30), undefined);
}

async function main() {
  let sent = 0;
  for (const address of addresses) {
    await notify(address);
    sent++;
    console.log(`${sent}/${addresses.length} ${address}`);
  }
}

await runOnVirtualClock(main);
