'use strict';
const history = require('./history');

function updateHistoryOfCollaborators(note) {
  const collaborators = Object.assign({}, note.collaborators);
  note.collaborators = {};
  Object.keys(collaborators).forEach(function (userId) {
    history.touch(userId, note.id, function () {});
//  ^^^^^^^^^^^^^ n-plus-one
  });
}

function roomNames(notes) {
  return notes.map(function (note) {
    return history.label(note.id);
  });
}

module.exports = { updateHistoryOfCollaborators, roomNames };
