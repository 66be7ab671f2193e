// A handle fetched each turn by the same call (`await storage.collectionFor('mirror')`) is not an object made from the item:
// the later call on it, handed the item, is the loop's work. A document each item loads does its steps in turn, after its load.
export class Mirror {
  constructor(storage) {
    this.storage = storage;
  }

  async copyRows(rows) {
    for (const row of rows) {
      const target = await this.storage.collectionFor('mirror');
      await target.save({ id: row.id, body: row.body });
//    ^^^^^ await-in-loop
    }
  }

  async publishAll(rows) {
    for (const row of rows) {
      const draft = await this.storage.loadDraft(row.id);
//                  ^^^^^ await-in-loop
      await draft.publish();
    }
  }
}

export async function refresh(storage, ids) {
  const found = [];
  for (const id of ids) {
    const table = await storage.open('mirror');
    found.push(await table.fetch(id));
//             ^^^^^ await-in-loop
  }
  return found;
}
