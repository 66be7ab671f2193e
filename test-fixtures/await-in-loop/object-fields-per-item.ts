interface Folder {
  id: string;
  name: string;
}

declare function listFiles(folderId: string): Promise<string[]>;
declare function indexFile(folderId: string, file: string): Promise<void>;

export class FolderIndexer {
  private currentFolder: Folder | undefined;
  private files: string[] = [];

  constructor(private readonly folders: Folder[]) {}

  // Each folder is set on the indexer, then the method it awaits reads it: the iterations share the indexer.
  async indexAll(): Promise<void> {
    for (const folder of this.folders) {
      this.currentFolder = folder;
      this.files = await listFiles(folder.id);
      await this.indexCurrent();
    }
  }

  private async indexCurrent(): Promise<void> {
    for (const file of this.files) await indexFile(this.currentFolder!.id, file);
//                                 ^^^^^ await-in-loop
  }

  // No method of the indexer is awaited: each folder's listing could still overlap.
  async countAll(): Promise<number[]> {
    const counts: number[] = [];
    for (const folder of this.folders) {
      this.currentFolder = folder;
      counts.push((await listFiles(folder.id)).length);
//                 ^^^^^ await-in-loop
    }
    return counts;
  }
}

declare class BatchRunner {
  protected queue: string[];
  protected runQueue(options: { dryRun: boolean }): Promise<void>;
}

// A method of a base class, handed nothing of the folder: it can only read what the loop set on the runner.
export class FolderRunner extends BatchRunner {
  private currentFolder: Folder | undefined;

  async runAll(folders: Folder[], dryRun: boolean): Promise<void> {
    for (const folder of folders) {
      this.currentFolder = folder;
      this.queue = await listFiles(folder.id);
      await this.runQueue({ dryRun });
    }
  }
}
