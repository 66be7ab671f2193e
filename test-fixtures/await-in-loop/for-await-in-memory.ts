interface Subscriber {
  url: string;
  secret: string;
}

// A `Map`'s values are in memory: `for await` over them only awaits each element.
export async function notifyAll(subscribersByTeam: Map<string, Subscriber>, body: string) {
  for await (const subscriber of subscribersByTeam.values()) {
    await fetch(subscriber.url, { method: 'POST', body, headers: { 'x-secret': subscriber.secret } });
//  ^^^^^ await-in-loop
  }
}

// A response body streams its chunks: each arrives after the one before.
export async function readAll(response: Response) {
  const chunks: Uint8Array[] = [];
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    chunks.push(chunk);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return chunks;
}

// A folder the user picked lists its entries as it reads them.
export async function uploadFolder(folder: FileSystemDirectoryHandle) {
  for await (const entry of folder.values()) {
    if (entry.kind === 'file') await fetch(`/upload/${entry.name}`, { method: 'PUT', body: await entry.getFile() });
  }
}

export async function uploadPicked() {
  const picked = await showDirectoryPicker();
  for await (const [name, entry] of picked.entries()) {
    if (entry.kind === 'file') await fetch(`/upload/${name}`, { method: 'PUT', body: await entry.getFile() });
  }
}

// A folder handle a method of the class declares it returns lists its entries as it reads them too; a `Map` it returns does not.
export class FolderStore {
  private root: FileSystemDirectoryHandle | undefined;
  private readonly sizes = new Map<string, number>();

  private async rootFolder(): Promise<FileSystemDirectoryHandle> {
    this.root ??= await navigator.storage.getDirectory();
    return this.root;
  }

  private async sizeTable(): Promise<Map<string, number>> {
    return this.sizes;
  }

  async clear(): Promise<void> {
    const root = await this.rootFolder();
    for await (const [name] of root.entries()) {
      await root.removeEntry(name, { recursive: true });
    }
  }

  async report(url: string): Promise<void> {
    const table = await this.sizeTable();
    for await (const [name, size] of table.entries()) {
      await fetch(url, { method: 'POST', body: `${name}=${size}` });
    //^^^^^ await-in-loop
    }
  }
}
