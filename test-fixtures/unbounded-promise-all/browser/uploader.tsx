// valid
// React imported by default and by name: a component whose handler saves the files one user picked.
import React, { useCallback, useState } from 'react';

interface PickedFile {
  name: string;
  originalName: string;
}

export function MediaUploader({ onSaved }: { onSaved: (ids: string[]) => void }) {
  const [busy, setBusy] = useState(false);
  const savePicked = useCallback(
    async (files: PickedFile[]) => {
      setBusy(true);
      const saved = await Promise.all(
        files.map(async ({ name, originalName }) => {
          const response = await fetch('/media/save', { method: 'POST', body: JSON.stringify({ name, originalName }) });
          return ((await response.json()) as { id: string }).id;
        }),
      );
      setBusy(false);
      onSaved(saved);
    },
    [onSaved],
  );
  return <input type="file" multiple disabled={busy} onChange={(event) => void savePicked(Array.from(event.target.files ?? [], (file) => ({ name: file.name, originalName: file.name })))} />;
}
