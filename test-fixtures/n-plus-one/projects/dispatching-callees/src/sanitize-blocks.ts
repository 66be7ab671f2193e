import { findFolder, findNote } from './notes';

type Block = { id: string; kind: 'embed' | 'link' | 'text'; noteId?: string; folderId?: string };

const checkedNoteId = async (noteId?: string) => (noteId ? (await findNote(noteId)).id : undefined);

/** Each kind returns the block with ids it checked: whichever case runs, it waits on a query. */
const sanitizeBlock = async (block: Block): Promise<Block> => {
  switch (block.kind) {
    case 'embed':
      return { ...block, noteId: await checkedNoteId(block.noteId) };
    default:
      return { ...block, folderId: block.folderId ? (await findFolder(block.folderId)).id : undefined, noteId: await checkedNoteId(block.noteId) };
  }
};

export const sanitizeBlocks = (blocks: Block[]) => Promise.all(blocks.map((block) => sanitizeBlock(block)));
//                                                                                   ^^^^^^^^^^^^^ n-plus-one

/** Only one kind looks anything up; the others return what they were given. */
const labelOf = async (block: Block): Promise<string> => {
  switch (block.kind) {
    case 'embed':
      return (await findNote(block.noteId ?? block.id)).title;
    case 'link':
      return block.id;
    default:
      return block.kind;
  }
};

export const labelBlocks = (blocks: Block[]) => Promise.all(blocks.map((block) => labelOf(block)));
//                                              ^^^^^^^^^^^ unbounded-promise-all
