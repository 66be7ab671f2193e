'use strict';
const db = require('./db');

exports.touch = function (userId, noteId, callback) {
  db.User.findOne({ where: { id: userId } })
    .then(function (user) {
      if (!user) return callback(null);
      const history = JSON.parse(user.history || '[]').filter((id) => id !== noteId);
      return user.update({ history: JSON.stringify([noteId, ...history]) }).then(() => callback(null));
    })
    .catch(callback);
};

exports.label = function (noteId) {
  return 'note:' + noteId;
};

exports.touchAll = function (userIds, noteId) {
  userIds.forEach(function (userId) {
    exports.touch(userId, noteId, function () {});
//  ^^^^^^^^^^^^^ n-plus-one
  });
};

exports.labels = function (noteIds) {
  return noteIds.map(function (noteId) {
    return exports.label(noteId);
  });
};
