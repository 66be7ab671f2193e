/** Starts `mapper` on each item in order, at most `limit` at a time; returns one promise per item. */
function mapWithConcurrency<T, R>(items: readonly T[], limit: number, mapper: (item: T, index: number) => R | PromiseLike<R>): Promise<R>[] {
  const waiting: Array<() => void> = [];
  let running = 0;
  const promises = items.map((item, index) => new Promise<R>((resolve, reject) => {
    waiting.push(() => {
      running++;
      Promise.resolve().then(() => mapper(item, index)).then(resolve, reject).finally(() => {
        running--;
        waiting.shift()?.();
      });
    });
  }));
  while (running < limit && waiting.length > 0) waiting.shift()!();
  // Each error reaches the code that awaits its item; one never awaited must not end the process.
  for (const promise of promises) promise.catch(() => {});
  return promises;
}

interface Attachment {
  id: string;
  storagePath: string;
  file?: string;
}

interface Preview {
  id: string;
  actions?: { action: string; id: string }[];
}

declare function fetchMetadata(path: string): Promise<string>;
declare function loadAction(id: string): Promise<void>;

export async function refresh(attachments: Attachment[], previews: Preview[]): Promise<void> {
  await Promise.all(mapWithConcurrency(attachments, 8, async (attachment) => {
    const preview = previews.find((p) => p.id === attachment.id);
    const actionId = preview?.actions?.find((a) => a.action === 'RETURN_ITEM')?.id;
    if (attachment.file) {
      await fetchMetadata(attachment.storagePath);
    }
    if (actionId) {
      await loadAction(actionId);
    }
  }));
}
