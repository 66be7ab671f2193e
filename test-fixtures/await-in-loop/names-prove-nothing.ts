// What a comment or a helper's name says is read exactly: only stated intent keeps a loop sequential.
declare function fetchUser(id: string): Promise<{ name: string }>;
declare function fetchOrders(id: string): Promise<string[]>;
declare function fetchAddress(id: string): Promise<string>;
declare function archiveFor(name: string): { addFile(name: string, data: Uint8Array): Promise<void>; finalize(): Promise<void> };
declare const pdfDoc: { embedPng(bytes: Uint8Array): Promise<unknown>; addPage(): unknown };

export async function namesWithIds(ids: string[]): Promise<string[]> {
  const names: string[] = [];
  for (const id of ids) {
    // ids are sequential numbers, padded to six digits
    const user = await fetchUser(id.padStart(6, '0'));
    //           ^^^^^ await-in-loop
    names.push(user.name);
  }
  return names;
}

export async function wishForParallel(ids: string[]): Promise<number> {
  let total = 0;
  for (const id of ids) {
    // TODO: this could run in parallel
    total += (await fetchOrders(id)).length;
    //        ^^^^^ await-in-loop
  }
  return total;
}

export async function statedOrder(ids: string[]): Promise<number> {
  let total = 0;
  // One at a time: the partner API rejects concurrent calls from one key.
  for (const id of ids) total += (await fetchOrders(id)).length;
  return total;
}

export async function twoCallsPerItem(ids: string[]): Promise<string[]> {
  const lines: string[] = [];
  for (const id of ids) {
    const [orders, address] = await Promise.all([fetchOrders(id), fetchAddress(id)]);
    //                        ^^^^^ await-in-loop
    lines.push(`${address}: ${orders.length}`);
  }
  return lines;
}

export async function forAwaitOverAnArray(ids: string[]): Promise<string[]> {
  const names: string[] = [];
  for await (const id of ids.filter(Boolean)) {
    const user = await fetchUser(id);
    //           ^^^^^ await-in-loop
    names.push(user.name);
  }
  return names;
}

export async function zipInOrder(files: Array<{ name: string; data: Uint8Array }>): Promise<void> {
  const zip = archiveFor('export.zip');
  for (const file of files) await zip.addFile(file.name, file.data);
  await zip.finalize();
}

export async function embedImages(images: Uint8Array[]): Promise<void> {
  for (const image of images) {
    pdfDoc.addPage();
    await pdfDoc.embedPng(image);
  }
}

declare function renderOverlay(args: { pdfDoc: unknown; page: number }): Promise<void>;
declare function preserveUrlId(id: string, transaction: unknown): Promise<string>;
declare const repo: { find(args: { take: number; skip: number }): Promise<string[]> };

export async function overlays(pages: number[], pdfDoc: unknown): Promise<void> {
  for (const page of pages) await renderOverlay({ pdfDoc, page });
}

export async function preserveAll(ids: string[], transaction: unknown): Promise<string[]> {
  const kept: string[] = [];
  for (const id of ids) kept.push(await preserveUrlId(id, transaction));
  return kept;
}

export async function reindex(batches: number, size: number): Promise<number> {
  let total = 0;
  for (let i = 0; i < batches; i++) {
    const rows = await repo.find({ take: size, skip: i * size });
    total += rows.length;
  }
  return total;
}

interface CalendarEvent {
  id: string;
  joinUrl: string | null;
}
declare function fetchUpcomingEvents(accountId: string): Promise<{ events: CalendarEvent[]; complete: boolean }>;
declare function readMigrationFiles(): Promise<Array<{ name: string; sql: string }>>;
declare const recorder: { book(url: string, eventId: string): Promise<void>; run(sql: string): Promise<void> };

/** Events a read returned are data, also when only some of them are walked: nothing orders the bookings. */
export async function bookRecorders(accountId: string): Promise<void> {
  const { events } = await fetchUpcomingEvents(accountId);
  const videoEvents = events.filter((event) => event.joinUrl);
  for (const event of videoEvents) {
    await recorder.book(event.joinUrl!, event.id);
  //^^^^^ await-in-loop
  }
}

/** Migrations read from files stay steps to run in order, filtered or not. */
export async function migrate(): Promise<void> {
  const files = await readMigrationFiles();
  for (const migration of files.filter((file) => file.sql.trim() !== '')) {
    await recorder.run(migration.sql);
  }
}
