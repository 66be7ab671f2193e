// Removes items from one order change through a remover bound to it (as a UI mutation hook
// gives one); the server refuses a removal made against a version of the change that another
// removal has replaced. Sent together, all but the first would be refused. No fix is offered.
import { runOnVirtualClock, simulatedIo } from '../../programs/simulated-io.mjs';

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
  for (const actionId of unwanted) {
    await removeItem(actionId);
  }
  console.log(`version ${change.version}: ${change.actions.join(', ')}`);
}

await runOnVirtualClock(main);
