// A promotion takes 10% off each line while the order's discount stays under its cap, and each
// line's adjustment is added to the order before the next line is priced. Every call reads the
// order that the earlier iterations changed: started together, each would see no discount yet
// and the cap would be passed. No fix is offered.
import { runOnVirtualClock, simulatedIo } from '../../programs/simulated-io.mjs';

const latency = [25, 5, 40, 10, 30, 5];
const order = { cap: 40, lines: latency.map((_, index) => ({ id: `line-${index}`, price: 100 + index * 50, adjustments: [] })) };

function discountOf(order) {
  return order.lines.reduce((sum, line) => sum + line.adjustments.reduce((total, amount) => total + amount, 0), 0);
}

async function computeAdjustment(order, line) {
  await simulatedIo(latency[Number(line.id.slice(5))], undefined);
  return Math.min(order.cap - discountOf(order), line.price / 10);
}

async function main() {
  for (const line of order.lines) {
    const adjustment = await computeAdjustment(order, line);
    if (adjustment > 0) line.adjustments.push(adjustment);
  }
  console.log(order.lines.map((line) => `${line.id}: -${line.adjustments.join(', -') || 0}`).join('\n'));
  console.log(`discount ${discountOf(order)} of at most ${order.cap}`);
}

await runOnVirtualClock(main);
