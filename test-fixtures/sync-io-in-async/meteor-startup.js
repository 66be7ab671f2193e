import fs from 'node:fs';
import path from 'node:path';
import { Meteor } from 'meteor/meteor';

const DATA_DIR = process.env.DATA_DIR || '/data';

// Imported once when the server starts: nothing waits for it yet.
async function importPendingEvents() {
  const file = path.join(DATA_DIR, 'pending-events.jsonl');
  if (!fs.existsSync(file)) return 0;
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  for (const line of lines) await Events.insertAsync(JSON.parse(line));
  fs.unlinkSync(file);
  return lines.length;
}

Meteor.startup(async () => {
  const imported = await importPendingEvents();
  fs.writeFileSync(path.join(DATA_DIR, 'last-start.json'), JSON.stringify({ imported, at: Date.now() }));
});

// A method runs on every call from a client.
Meteor.methods({
  async exportEvents(boardId) {
    const rows = await Events.find({ boardId }).fetchAsync();
    fs.writeFileSync(path.join(DATA_DIR, `${boardId}.json`), JSON.stringify(rows));
//  ^^^^^^^^^^^^^^^^ sync-io-in-async
    return rows.length;
  },
});

// Another object's `startup` is no Meteor start-up hook.
const queue = createQueue();
queue.startup(async (job) => {
  fs.writeFileSync(path.join(DATA_DIR, `${job.id}.done`), '');
//^^^^^^^^^^^^^^^^ sync-io-in-async
});
