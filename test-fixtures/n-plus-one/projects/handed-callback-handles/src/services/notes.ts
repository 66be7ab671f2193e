// valid
import { and, eq } from 'drizzle-orm';
import { db as defaultDb } from '../db/client';
import { notes, shares } from '../db/schema';
import { withBusyRetry } from './retry';
import { inTransaction, withExecutor, withPreferences, type Executor, type RequestScope } from './scope';

export async function archiveNote(scope: RequestScope, id: string): Promise<void> {
  await inTransaction(scope, async (tx) => {
    await tx.update(notes).set({ archived: true }).where(and(eq(notes.id, id), eq(notes.ownerId, scope.userId)));
  });
}

export async function unshareNote(scope: RequestScope, noteId: string): Promise<void> {
  await withExecutor(scope, (executor) => executor.delete(shares).where(eq(shares.noteId, noteId)));
}

export async function forgetDraft(scope: RequestScope, id: string): Promise<void> {
  await withPreferences(scope, async (preferences) => {
    await preferences.delete(`draft:${id}`);
  });
}

export async function removeShare(args: { executor: Executor; noteId: string; userId: string }): Promise<void> {
  const { executor, noteId, userId } = args;
  await executor.delete(shares).where(and(eq(shares.noteId, noteId), eq(shares.userId, userId)));
}

export async function restoreNote({ tx, id }: { tx: Executor; id: string }): Promise<void> {
  await tx.update(notes).set({ archived: false }).where(eq(notes.id, id));
}

export async function shareNote(scope: RequestScope, noteId: string, userId: string): Promise<void> {
  const executor = scope.db ?? defaultDb;
  await withBusyRetry(() => executor.insert(shares).values({ noteId, userId }).onConflictDoNothing());
}

/** Calls a webhook first: each call waits on that service, a retry helper around it or not. */
export async function announceShare(scope: RequestScope, noteId: string): Promise<void> {
  await withBusyRetry(() => fetch(`https://hooks.example.com/notes/${noteId}`, { method: 'POST' }));
  const executor = scope.db ?? defaultDb;
  await executor.insert(shares).values({ noteId, userId: scope.userId });
}
