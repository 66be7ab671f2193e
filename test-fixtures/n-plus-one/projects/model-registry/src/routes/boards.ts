import type { RequestContext } from '../context';

export async function loadBoards(context: RequestContext, ids: string[]) {
  const boards = [];
  for (const id of ids) {
    boards.push(await context.models.boards.getById(id));
//                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return boards;
}

export async function ownedBoards(context: RequestContext, ownerIds: string[]) {
  return Promise.all(ownerIds.map((ownerId) => context.models.boards.getByOwner(ownerId)));
//                                             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
}

export async function renameBoards(context: RequestContext, titles: Map<string, string>) {
  for (const [id, title] of titles) {
    await context.models.boards.rename(id, title);
//        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function archivedBoards(context: RequestContext, ids: string[]) {
  for (const id of ids) {
    console.log(await context.registry.archivedBoards.getById(id));
//                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

// Formatting loaded boards: no query per item.
export function boardSummaries(context: RequestContext, boards: { id: string; title: string; ownerId: string }[]) {
  return boards.map((board) => context.models.boards.toSummary(board));
}

// One query before the loop, then work on what it loaded.
export async function ownerTitles(context: RequestContext, ownerId: string, suffixes: string[]) {
  const board = await context.models.boards.getByOwner(ownerId);
  const titles = [];
  for (const suffix of suffixes) titles.push(`${board?.title ?? ''}${suffix}`);
  return titles;
}
