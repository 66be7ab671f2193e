const { Label, Folder, Note } = require('./models');

async function importLabels(ownerId, labels) {
  for (const label of labels) {
    const existing = await Label.findOne({ where: { slug: label.slug, owner_id: ownerId } });
//                         ^^^^^^^^^^^^^ n-plus-one
    if (!existing) await Label.create({ slug: label.slug, owner_id: ownerId });
  }
}

// A read of one model and an insert into another: two statements per item, two findings.
async function fileNotes(ownerId, notes) {
  for (const note of notes) {
    const folder = await Folder.findOne({ where: { name: note.folder, owner_id: ownerId } });
//                       ^^^^^^^^^^^^^^ n-plus-one
    await Note.create({ body: note.body, folder_id: folder.id, owner_id: ownerId });
//        ^^^^^^^^^^^ n-plus-one
  }
}

async function countInFolder(folderId) {
  return Note.count({ where: { folder_id: folderId } });
}

async function summaries(owners) {
  for (const owner of owners) {
    owner.inbox = await countInFolder(owner.inboxId);
//                      ^^^^^^^^^^^^^ n-plus-one
    owner.archived = await countInFolder(owner.archiveId);
  }
  return owners;
}

module.exports = { importLabels, fileNotes, summaries };
