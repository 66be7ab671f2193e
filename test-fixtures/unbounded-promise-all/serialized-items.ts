// Mappers that only parse, serialize and hash each item before one request sends them all: nothing fans out.
// A mapper that uploads each payload still starts one request per item.
interface BatchItem {
  task: string;
  payload: unknown;
}

declare function parsePayload(payload: unknown): Promise<unknown>;
declare function stringifyPacket(value: unknown): Promise<string>;
declare function makeIdempotencyKey(parts: string[]): Promise<string>;
declare function sha256(text: string): Promise<string>;
declare function uploadPacket(data: string): Promise<string>;
declare function sendBatch(lines: string[]): Promise<void>;

export async function triggerItems(items: BatchItem[], batchKey: string): Promise<void> {
  const lines = await Promise.all(
    items.map(async (item, index) => {
      const payload = await parsePayload(item.payload);
      const data = await stringifyPacket(payload);
      const key = await makeIdempotencyKey([batchKey, String(index)]);
      const checksum = await sha256(data);
      return { index, task: item.task, data, key, checksum };
    }),
  );
  await sendBatch(lines.map((line) => JSON.stringify(line)));
}

export async function uploadItems(items: BatchItem[]): Promise<void> {
  const lines = await Promise.all(
    //                ^^^^^^^^^^^ unbounded-promise-all
    items.map(async (item, index) => {
      const data = await stringifyPacket(item.payload);
      const url = await uploadPacket(data);
      return JSON.stringify({ index, task: item.task, payloadUrl: url });
    }),
  );
  await sendBatch(lines);
}

export async function checksums(tokens: string[]): Promise<string[]> {
  return Promise.all(tokens.map((token) => sha256(token)));
}
