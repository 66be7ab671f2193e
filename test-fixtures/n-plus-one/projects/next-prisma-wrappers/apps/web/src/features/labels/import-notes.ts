import { addMissingLabels, cachedLabel } from './labels';

type ImportedNote = { id: string; state: string; labels: string[] };

export async function importLabels(notes: ImportedNote[]) {
  await Promise.all(
    notes.map(async (note) => {
      if (note.state !== 'ready') return;
      await addMissingLabels({ noteId: note.id, names: note.labels });
//          ^^^^^^^^^^^^^^^^ n-plus-one
    }),
  );
}

// The default of the cache parameter is a map in memory: no query per name.
export async function labelTitles(names: string[]) {
  const titles: Array<string | undefined> = [];
  for (const name of names) {
    titles.push(await cachedLabel(name));
//              ^^^^^ await-in-loop
  }
  return titles;
}
