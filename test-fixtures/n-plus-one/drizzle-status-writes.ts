// A write's own columns (`completedAt`, `processedAt`) are no progress report: the update per item is the loop's work.
// A loop that tells a job how far it got after each item runs in order on purpose.
import { and, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { checklistSteps, checklists, stagedImports } from './schema';

const db = drizzle(new Pool({ connectionString: process.env.DATABASE_URL }));

interface StagedImport {
  id: string;
  sessionId: string;
  crawlFailed: boolean;
}

interface ChecklistDraft {
  title: string;
  steps: Array<{ label: string; done: boolean }>;
}

interface ImportJob {
  updateProgress(percent: number): Promise<void>;
}

export async function markFailed(items: StagedImport[]): Promise<void> {
  for (const item of items) {
    const reason = item.crawlFailed ? 'Crawl failed' : 'Tagging failed';
    await db.update(stagedImports).set({ status: 'failed', resultReason: reason, completedAt: new Date() }).where(eq(stagedImports.id, item.id));
//        ^^^^^^^^^ n-plus-one
  }
}

export async function markProcessed(items: StagedImport[]): Promise<void> {
  for (const item of items) {
    await db.update(stagedImports).set({ processedAt: new Date() }).where(and(eq(stagedImports.id, item.id), eq(stagedImports.sessionId, item.sessionId)));
//        ^^^^^^^^^ n-plus-one
  }
}

export async function importAll(job: ImportJob, items: StagedImport[]): Promise<void> {
  let done = 0;
  for (const item of items) {
    await db.update(stagedImports).set({ status: 'imported' }).where(eq(stagedImports.id, item.id));
    await job.updateProgress((++done / items.length) * 100);
  }
}

/** Rows gathered into a list of the function's own carry `completed` for the table, not as a report: each checklist's writes are the work. */
export async function importChecklists(boardId: string, drafts: ChecklistDraft[]): Promise<void> {
  for (const draft of drafts) {
    const [checklist] = await db.insert(checklists).values({ boardId, title: draft.title }).returning();
//                            ^^^^^^^^^ n-plus-one
    const rows: Array<{ checklistId: string; label: string; completed: boolean }> = [];
    for (const step of draft.steps) {
      rows.push({ checklistId: checklist!.id, label: step.label, completed: step.done });
    }
    await db.insert(checklistSteps).values(rows);
//        ^^^^^^^^^ n-plus-one
  }
}
