// Parts a helper of the project cut to a bounded size (bytes per e-mail attachment, items per request): the parts go
// one at a time on purpose, since starting them together would hold every part at once. A list the helper did not cut
// by a size, and a helper named for something else, are reported.
interface Item {
  uuid: string;
  contentSize: number;
}

interface TransferCalculator {
  computeItemBundlesToFetch(items: Item[], maxBytesPerBundle: number): Promise<string[][]>;
  groupByOwner(items: Item[]): Promise<string[][]>;
}

declare function loadItems(uuids: string[]): Promise<Item[]>;
declare function mailBackup(items: Item[]): Promise<string>;
declare function sendPhotos(chatId: string, urls: string[]): Promise<void>;
declare function chunkUrls(urls: string[], size: number): string[][];
declare function splitIntoBatches<T>(items: T[], options: { maxBatchSize: number }): T[][];

export class BackupMailer {
  constructor(
    private readonly calculator: TransferCalculator,
    private readonly attachmentMaxByteSize: number,
  ) {}

  async mailAll(items: Item[]): Promise<string[]> {
    const bundles = await this.calculator.computeItemBundlesToFetch(items, this.attachmentMaxByteSize);
    const sent: string[] = [];
    for (const bundle of bundles) {
      sent.push(await mailBackup(await loadItems(bundle)));
    }
    return sent;
  }

  async mailPerOwner(items: Item[]): Promise<string[]> {
    const groups = await this.calculator.groupByOwner(items);
    const sent: string[] = [];
    for (const group of groups) {
      sent.push(await mailBackup(await loadItems(group)));
      //        ^^^^^ await-in-loop
    }
    return sent;
  }
}

export async function sendAlbum(chatId: string, urls: string[]): Promise<void> {
  const albums = chunkUrls(urls, 10);
  for (let i = 0; i < albums.length; i++) {
    await sendPhotos(chatId, albums[i]!);
  }
}

export async function sendInParts(chatId: string, urls: string[]): Promise<void> {
  const parts = splitIntoBatches(urls, { maxBatchSize: 10 });
  for (const part of parts) {
    await sendPhotos(chatId, part);
  }
}

export async function sendEach(chatIds: string[], urls: string[]): Promise<void> {
  const targets = chatIds.filter((id) => id.length > 0);
  for (let i = 0; i < targets.length; i++) {
    await sendPhotos(targets[i]!, urls);
  //^^^^^ await-in-loop
  }
}
