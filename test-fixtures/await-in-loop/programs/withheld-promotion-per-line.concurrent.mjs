// A promotion takes 10% off each line while the order's discount stays under its cap, and each
// line's adjustment is added to the order before the next line is priced. Every call reads the
// order that the earlier iterations changed: started together, each would see no discount yet
// and the cap would be passed. No fix is offered.
import { runOnVirtualClock, simulatedIo } from '../../programs/simulated-io.mjs';

/** Calls `mapper` on each item in order, at most `limit` at a time; one promise per item, whose error only its awaiter sees. */
function mapWithConcurrency(items, limit, mapper) {
  const waiting = [];
  let running = 0;
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return items.map((item, index) => {
    const turn = running < limit ? (running++, Promise.resolve()) : new Promise((start) => waiting.push(start));
    const result = turn.then(() => mapper(item, index));
    // The next item starts when this one settles; an error still reaches only the code that awaits this item.
    result.then(release, release);
    return result;
  });
}

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
  const lineList = [...order.lines];
  const pendingAdjustments = mapWithConcurrency(lineList, 3, (line) => computeAdjustment(order, line));
  for (const [index, line] of lineList.entries()) {
    const adjustment = await pendingAdjustments[index];
    if (adjustment > 0) line.adjustments.push(adjustment);
  }
  console.log(order.lines.map((line) => `${line.id}: -${line.adjustments.join(', -') || 0}`).join('\n'));
  console.log(`discount ${discountOf(order)} of at most ${order.cap}`);
}

await runOnVirtualClock(main);
