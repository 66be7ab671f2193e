// Each line's tax is rounded so that the order's tax so far stays exact: the function reads
// the taxes of the lines before it and writes the tax of its own line, which belongs to the
// same order. Started together, every line would see no tax before it. No fix is offered.
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

const latency = [25, 5, 40, 10, 30, 5, 15];
const order = { lines: latency.map((_, index) => ({ id: `line-${index}`, price: 333 + index })) };

function taxSoFar(order) {
  return order.lines.reduce((sum, line) => sum + (line.tax ?? 0), 0);
}

async function computeLineTax(order, line) {
  const rate = await simulatedIo(latency[Number(line.id.slice(5))], 0.19);
  const exact = order.lines.slice(0, order.lines.indexOf(line) + 1).reduce((sum, other) => sum + other.price * rate, 0);
  line.tax = Math.round(exact) - taxSoFar(order);
}

async function main() {
  const lineList = [...order.lines];
  await Promise.all(mapWithConcurrency(lineList, 3, (line) => computeLineTax(order, line)));
  console.log(order.lines.map((line) => `${line.id}: ${line.tax}`).join('\n'));
  console.log(`tax ${taxSoFar(order)}`);
}

await runOnVirtualClock(main);
