// Totals the invoices of active, paying accounts; the guards become one filter before the loop.
import { runOnVirtualClock, simulatedIo } from '../../programs/simulated-io.mjs';

const accounts = Array.from({ length: 14 }, (_, id) => ({ id, active: id % 4 !== 1, plan: id % 5 === 0 ? 'free' : 'pro' }));
const latency = [30, 5, 25, 10, 40, 15, 5, 35, 20, 10, 45, 5, 15, 30];

function fetchInvoices(accountId) {
  return simulatedIo(latency[accountId], [accountId * 10, accountId * 3]);
}

async function main() {
  let total = 0;
  for (const account of accounts) {
    if (!account.active) continue;
    if (account.plan === 'free') continue;
    const invoices = await fetchInvoices(account.id);
    total += invoices[0] + invoices[1];
    console.log(`account ${account.id}: ${invoices.join(' + ')} (running total ${total})`);
  }
  console.log(`total ${total}`);
}

await runOnVirtualClock(main);
