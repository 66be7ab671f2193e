// valid
// A module that reads files a user picked with the page's FileReader runs in the browser, whatever it imports.
export function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = reject;
    reader.readAsDataURL(file);
  });
}

export async function attachmentsOf(files: File[]) {
  return Promise.all(files.map(async (file) => ({ name: file.name, url: await readAsDataUrl(file) })));
}
