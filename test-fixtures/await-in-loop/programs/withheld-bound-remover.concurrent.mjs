// Removes items from one order change through a remover bound to it (as a UI mutation hook
// gives one); the server refuses a removal made against a version of the change that another
// removal has replaced. Sent together, all but the first would be refused. No fix is offered.
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

const change = { version: 1, actions: ['add-1', 'add-2', 'add-3', 'add-4', 'add-5'] };

function useRemoveItem(change) {
  return {
    async mutateAsync(actionId) {
      const version = change.version;
      await simulatedIo(10 + ((actionId.length * 7) % 20), undefined);
      if (change.version !== version) throw new Error(`conflict: ${actionId} was removed from version ${version}, now ${change.version}`);
      change.actions = change.actions.filter((action) => action !== actionId);
      change.version++;
    },
  };
}

const { mutateAsync: removeItem } = useRemoveItem(change);

async function main() {
  const unwanted = change.actions.filter((action) => action !== 'add-1' && action !== 'add-3');
  await Promise.all(mapWithConcurrency(unwanted, 3, (actionId) => removeItem(actionId)));
  console.log(`version ${change.version}: ${change.actions.join(', ')}`);
}

await runOnVirtualClock(main);
