// valid: the worker process's entry; the loops it starts poll until the process stops.
import { archiveLinks } from './jobs/archive-links';
import { rebuildCounters } from './jobs/rebuild-counters';
import { initialize } from './jobs/expire-sessions';

const intervalSeconds = Number(process.env.WORKER_INTERVAL) || 10;

async function init() {
  await rebuildCounters();
  console.log('Starting the worker...');
  archiveLinks(intervalSeconds);
  initialize();
}

init();
