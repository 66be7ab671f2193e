import { db } from '../db/client';
import { announceShare, archiveNote, forgetDraft, removeShare, restoreNote, shareNote, unshareNote } from '../services/notes';
import type { RequestScope } from '../services/scope';

export async function archiveAll(scope: RequestScope, ids: string[]) {
  for (const id of ids) {
    await archiveNote(scope, id);
//        ^^^^^^^^^^^ n-plus-one
  }
}

export async function unshareAll(scope: RequestScope, noteIds: string[]) {
  for (const noteId of noteIds) {
    await unshareNote(scope, noteId);
//        ^^^^^^^^^^^ n-plus-one
  }
}

export async function removeShares(noteId: string, userIds: string[]) {
  for (const userId of userIds) {
    await removeShare({ executor: db, noteId, userId });
//        ^^^^^^^^^^^ n-plus-one
  }
}

export async function restoreAll(ids: string[]) {
  await db.transaction(async (tx) => {
    for (const id of ids) await restoreNote({ tx, id });
//                              ^^^^^^^^^^^ n-plus-one
  });
}

export async function forgetDrafts(scope: RequestScope, ids: string[]) {
  for (const id of ids) {
    await forgetDraft(scope, id);
//  ^^^^^ await-in-loop
  }
}

export async function shareWith(scope: RequestScope, noteId: string, userIds: string[]) {
  for (const userId of userIds) {
    await shareNote(scope, noteId, userId);
//        ^^^^^^^^^ n-plus-one
  }
}

export async function announceAll(scope: RequestScope, noteIds: string[]) {
  for (const noteId of noteIds) {
    await announceShare(scope, noteId);
//  ^^^^^ await-in-loop
  }
}
