// valid
import { Meteor } from 'meteor/meteor';
import { Mongo } from 'meteor/mongo';
import Tasks from '/models/tasks';

// A collection without a name, or without a connection, lives in Minimongo: in memory.
const Drafts = new Mongo.Collection(null);
const Pending = new Mongo.Collection('pending', { connection: null });

export async function stageAll(tasks) {
  for (const task of tasks) {
    await Drafts.insertAsync(task);
    await Pending.insertAsync(task);
  }
  const ids = tasks.map((task) => task._id);
  // One read and one write for every id.
  const found = await Tasks.find({ _id: { $in: ids } }).fetchAsync();
  await Tasks.updateAsync({ _id: { $in: ids } }, { $set: { staged: true } }, { multi: true });
  // A cursor made per item and never run, and an array's own find.
  const cursors = ids.map((id) => Tasks.find({ _id: id }));
  return ids.map((id) => found.find((task) => task._id === id) ?? cursors.length);
}

// Runs once, as the server starts.
Meteor.startup(async () => {
  const stale = await Tasks.find({ archived: { $exists: false } }).fetchAsync();
  for (const task of stale) {
    await Tasks.updateAsync(task._id, { $set: { archived: false } });
  }
});
