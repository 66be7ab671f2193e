// valid
export const makeClient = (base: string) => ({
  notes: {
    save: (note: { id: number; body: string }) => fetch(`${base}/notes/${note.id}`, { method: 'PUT', body: note.body }),
  },
});
