import type { RequestContext } from '../context';
import type { JobContext } from '../types';

export async function relabelBoards(context: JobContext | RequestContext, ids: string[]) {
  for (const id of ids) {
    const board = await context.models.boards.getById(id);
//                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    if (board) console.log(context.models.boards.toSummary(board));
  }
}
