import { database } from '../database';
import { foldRevisions } from './revisions';

export const compactDocument = async (documentId: string) => {
  const revisions = await database.selectFrom('revisions').selectAll().where('document_id', '=', documentId).execute();
  const runs = new Map<string, typeof revisions>();
  for (const revision of revisions) {
    const run = runs.get(revision.body.slice(0, 8)) ?? [];
    run.push(revision);
    runs.set(revision.body.slice(0, 8), run);
  }
  for (const run of runs.values()) {
    const kept = run[run.length - 1]!;
    const body = run.map((revision) => revision.body).join('\n');
    await foldRevisions(kept.id, body, run.slice(0, -1).map((revision) => revision.id));
//        ^^^^^^^^^^^^^ n-plus-one
  }
};
