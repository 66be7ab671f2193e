import { Meteor } from 'meteor/meteor';
import Tasks from '/models/tasks';
import { Cache } from '/imports/cache';

Meteor.methods({
  async 'tasks.archiveAll'(taskIds) {
    for (const taskId of taskIds) {
      await Tasks.updateAsync({ _id: taskId }, { $set: { archived: true } });
//          ^^^^^^^^^^^^^^^^^ n-plus-one
    }
  },

  async 'tasks.owners'(taskIds) {
    const owners = [];
    for (const taskId of taskIds) {
      const task = await Tasks.findOneAsync(taskId);
//                       ^^^^^^^^^^^^^^^^^^ n-plus-one
      owners.push(task.ownerId);
    }
    return Promise.all(owners.map((ownerId) => Cache.getUser(ownerId)));
//                                             ^^^^^^^^^^^^^ n-plus-one
  },

  async 'tasks.purge'(taskIds) {
    // collection-hooks' direct collection skips the hooks, not the round trip.
    for (const taskId of taskIds) {
      await Tasks.direct.removeAsync(taskId);
//          ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  },

  async 'tasks.countPerList'(listIds) {
    const counts = {};
    for (const listId of listIds) {
      counts[listId] = await Tasks.find({ listId }).countAsync();
//                           ^^^^^^^^^^ n-plus-one
    }
    return counts;
  },

  async 'users.touch'(userIds) {
    for (const userId of userIds) {
      await Meteor.users.updateAsync(userId, { $set: { seenAt: new Date() } });
//          ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  },
});
