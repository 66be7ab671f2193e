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

async function countByKind(ownerId, kind) {
  return Note.count({ where: { owner_id: ownerId, kind } });
}

async function summaries(owners) {
  for (const owner of owners) {
    owner.drafts = await countByKind(owner.id, 'draft');
//                       ^^^^^^^^^^^ n-plus-one
    owner.published = await countByKind(owner.id, 'published');
  }
  return owners;
}

module.exports = { importLabels, fileNotes, summaries };
