import { createFolder, createNote, findFolder, findNote } from './notes';

type Item = { id: string; kind: 'note' | 'folder' | 'link'; url?: string };

export async function copyItems(folderId: string, items: Item[]) {
  const copyItem = async (item: Item) => {
    switch (item.kind) {
      case 'note': {
        const note = await findNote(item.id);
        await createNote(folderId, `${note.title} (copy)`);
        break;
      }
      case 'folder': {
        await findFolder(item.id);
        await createFolder(folderId);
        break;
      }
      default:
        throw new Error(`cannot copy ${item.kind}`);
    }
  };
  for (const item of items) {
    await copyItem(item);
//        ^^^^^^^^ n-plus-one
  }
}

export async function describeItems(items: Item[]) {
  const describe = async (item: Item) => {
    switch (item.kind) {
      case 'note':
        return (await findNote(item.id)).title;
      case 'link':
        return item.url ?? '';
      default:
        return item.id;
    }
  };
  const labels: string[] = [];
  for (const item of items) {
    labels.push(await describe(item));
//              ^^^^^ await-in-loop
  }
  return labels;
}
