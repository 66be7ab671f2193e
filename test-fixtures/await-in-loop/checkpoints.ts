// A consumer that stores how far it got under one key after each message keeps the messages in order: the last write stays.
// A value stored under a key of its own per item is no checkpoint, and the loop is reported.
interface KeyValueStore {
  set(key: string, value: string): Promise<void>;
}

interface StreamMessage {
  id: string;
  body: Record<string, string>;
}

declare const store: KeyValueStore;
declare function handleMessage(body: Record<string, string>): Promise<void>;

export async function consumeBatch(group: string, messages: StreamMessage[]): Promise<void> {
  for (const message of messages) {
    await handleMessage(message.body);
    await store.set(`last-handled:${group}`, message.id);
  }
}

export async function cacheBodies(messages: StreamMessage[]): Promise<void> {
  for (const message of messages) {
    await handleMessage(message.body);
  //^^^^^ await-in-loop
    await store.set(`body:${message.id}`, JSON.stringify(message.body));
  }
}
