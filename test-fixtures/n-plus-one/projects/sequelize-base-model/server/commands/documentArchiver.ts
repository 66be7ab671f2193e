// valid
import type { Document } from '@server/models';

/** Archives one loaded document: one UPDATE of its row. */
export async function archiveDocument(document: Document) {
  await document.save();
}

/** Reads nothing but the row it is given. */
export function titleOf(document: Document) {
  return document.get('title');
}
