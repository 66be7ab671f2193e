/** Calls `mapper` on each item in order, at most `limit` at a time; one promise per item, whose error only its awaiter sees. */
function mapWithConcurrency<Items extends readonly unknown[], R>(items: Items, limit: number, mapper: (item: Items[number], index: number) => R | PromiseLike<R>): Promise<R>[] {
  const waiting: Array<() => void> = [];
  let running = 0;
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return items.map((item, index) => {
    const turn = running < limit ? (running++, Promise.resolve()) : new Promise<void>((start) => waiting.push(start));
    const result = turn.then(() => mapper(item, index));
    // The next item starts when this one settles; an error still reaches only the code that awaits this item.
    result.then(release, release);
    return result;
  });
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
