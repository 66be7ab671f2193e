import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Collection } from 'mongodb';

interface Page {
  _id: string;
  folderId: string;
  order: number;
}

// `for await` over rows already loaded, a Map's entries, or the lists those hold: an ordinary loop.
export async function lastPages(pages: Collection<Page>, folders: Collection<{ _id: string; parentId: string }>) {
  const parents = await folders.find({}).toArray();
  const found = [];
  for await (const folder of parents) {
    found.push(await pages.findOne({ folderId: folder.parentId }));
//                   ^^^^^^^^^^^^^ n-plus-one
  }
  return found;
}

export async function movePages(pages: Collection<Page>, byFolder: Map<string, Array<{ id: string; order: number }>>) {
  for await (const [folderId, moved] of byFolder.entries()) {
    for await (const page of moved) {
      await pages.updateOne({ _id: page.id }, { $set: { folderId, order: page.order } });
//          ^^^^^^^^^^^^^^^ n-plus-one
    }
  }
}

export async function folderOwners(folders: Collection<{ _id: string; ownerId: string }>, ownerIds: Set<string>) {
  const owners = [];
  for await (const ownerId of ownerIds.values()) {
    owners.push(await folders.findOne({ ownerId }));
//                    ^^^^^^^^^^^^^^^ n-plus-one
  }
  return owners;
}

// A cursor streams its rows: the loop pulls them in order.
export async function touchAll(pages: Collection<Page>, folders: Collection<{ _id: string; touched: boolean }>) {
  for await (const page of pages.find({})) {
    await folders.updateOne({ _id: page.folderId }, { $set: { touched: true } });
  }
}

// Lines of a file arrive one after another.
export async function importLines(path: string, folders: Collection<{ _id: string; name: string }>) {
  for await (const line of createInterface({ input: createReadStream(path) })) {
    await folders.insertOne({ _id: line, name: line });
  }
}

async function* pagesOf(pages: Collection<Page>, folderId: string) {
  let order = 0;
  for (;;) {
    const next = await pages.findOne({ folderId, order: { $gt: order } });
    if (!next) return;
    order = next.order;
    yield next;
  }
}

// An async generator yields each row after its own query.
export async function renumber(pages: Collection<Page>, folderId: string) {
  let order = 0;
  for await (const page of pagesOf(pages, folderId)) {
    await pages.updateOne({ _id: page._id }, { $set: { order: order++ } });
  }
}
