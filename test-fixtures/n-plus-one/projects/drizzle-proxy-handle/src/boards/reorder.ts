import { eq } from 'drizzle-orm';
import db, { readReplica, settings } from '../database';
import { board, card } from '../database/schema';

export async function reorderCards(boardId: string, order: string[]) {
  for (const [position, id] of order.entries()) {
    await db.update(card).set({ position }).where(eq(card.id, id));
//        ^^^^^^^^^ n-plus-one
  }
  return db.query.board.findFirst({ where: eq(board.id, boardId) });
}

export async function boardNames(boardIds: string[]) {
  const names: string[] = [];
  for (const id of boardIds) {
    const [row] = await readReplica.select({ name: board.name }).from(board).where(eq(board.id, id));
//                      ^^^^^^^^^^^^^^^^^^ n-plus-one
    if (row) names.push(row.name);
  }
  return names;
}

// Reads of a settings object per item: no query.
export function pageSizes(boardIds: string[]) {
  return boardIds.map((id) => ({ id, size: settings.pageSize }));
}
