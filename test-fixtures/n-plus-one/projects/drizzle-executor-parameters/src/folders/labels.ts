// valid
export async function notifyOwner(folderId: string) {
  await fetch(`https://hooks.example.com/folders/${folderId}`, { method: 'POST' });
}

export function labelOf(folderId: string) {
  return `folder:${folderId}`;
}
