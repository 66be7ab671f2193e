// valid
// A paste button's helper: it reads the clipboard through the browser's navigator and builds a DataTransfer, one item and type at a time.
export async function filesFromClipboard(): Promise<FileList | null> {
  if (!navigator.clipboard?.read) return null;
  const items = await navigator.clipboard.read();
  const transfer = new DataTransfer();
  for (const item of items) {
    for (const type of item.types) {
      const blob = await item.getType(type);
      transfer.items.add(new File([blob], `pasted.${type.split('/')[1] ?? 'bin'}`, { type }));
    }
  }
  return transfer.files;
}
