'use strict';
const async = require('async');

module.exports = function (sequelize, DataTypes) {
  const Revision = sequelize.define('Revision', {
    noteId: DataTypes.UUID,
    content: DataTypes.TEXT,
  });

  Revision.saveLatest = function (note, callback) {
    Revision.findAll({ where: { noteId: note.id }, order: [['createdAt', 'DESC']], limit: 1 })
      .then(function (revisions) {
        if (revisions.length > 0 && revisions[0].content === note.content) return callback(null, revisions[0]);
        return Revision.create({ noteId: note.id, content: note.content }).then(function (revision) {
          callback(null, revision);
        });
      })
      .catch(callback);
  };

  Revision.saveAll = function (notes, callback) {
    async.eachSeries(
      notes,
      function (note, done) {
        Revision.saveLatest(note, done);
//      ^^^^^^^^^^^^^^^^^^^ n-plus-one
      },
      callback,
    );
  };

  Revision.pruneOlder = function (noteIds, before, callback) {
    async.eachLimit(
      noteIds,
      4,
      function (noteId, done) {
        Revision.destroy({ where: { noteId: noteId, createdAt: { lt: before } } }).then(() => done(), done);
//      ^^^^^^^^^^^^^^^^ n-plus-one
      },
      callback,
    );
  };

  // async.parallel runs a few different tasks, not one per item.
  Revision.summary = function (noteId, callback) {
    async.parallel(
      [
        (done) => Revision.count({ where: { noteId: noteId } }).then((count) => done(null, count), done),
        (done) => Revision.max('createdAt', { where: { noteId: noteId } }).then((last) => done(null, last), done),
      ],
      callback,
    );
  };

  return Revision;
};
