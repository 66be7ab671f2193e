// A listener the caller hands in is told of each event in the order the events came: the messages a reply holds, the rows as read.
interface OutgoingMessage {
  kind: 'text' | 'card';
  body: string;
}

interface ReplyOptions {
  prompt: string;
  onMessage?: (message: OutgoingMessage) => Promise<void>;
}

interface ImportOptions {
  onRow: (row: Record<string, string>) => Promise<void>;
}

declare function complete(prompt: string): Promise<OutgoingMessage[]>;
declare function parseRows(text: string): Array<Record<string, string>>;
declare function translate(message: OutgoingMessage): Promise<OutgoingMessage>;

export async function reply({ prompt, onMessage }: ReplyOptions): Promise<number> {
  const messages = await complete(prompt);
  for (const message of messages) {
    await onMessage?.(message);
  }
  return messages.length;
}

export async function importRows(text: string, options: ImportOptions): Promise<void> {
  const rows = parseRows(text);
  for (const row of rows) {
    await options.onRow(row);
  }
}

// The loop's own work beside the listener is still reported, and so is a callback not named for an event.
export async function replyTranslated({ prompt, onMessage }: ReplyOptions): Promise<void> {
  for (const message of await complete(prompt)) {
    const translated = await translate(message);
//                     ^^^^^ await-in-loop
    await onMessage?.(translated);
  }
}

export async function handleAll(messages: OutgoingMessage[], handle: (message: OutgoingMessage) => Promise<void>): Promise<void> {
  for (const message of messages) {
    await handle(message);
//  ^^^^^ await-in-loop
  }
}

// The object's own handler of an event, told of each answer in turn: it appends them to the chat in order.
declare function storeMessage(chatId: string, message: OutgoingMessage): Promise<void>;

export class ReplyAgent {
  constructor(private readonly options: { chatId: string }) {}

  async relay(answers: string[]): Promise<void> {
    for (const answer of answers) {
      await this.onAnswer({ kind: 'text', body: answer });
    }
  }

  // The same method named for no event is reported.
  async store(answers: string[]): Promise<void> {
    for (const answer of answers) {
      await this.saveAnswer({ kind: 'text', body: answer });
//    ^^^^^ await-in-loop
    }
  }

  async onAnswer(message: OutgoingMessage): Promise<void> {
    await storeMessage(this.options.chatId, message);
  }

  async saveAnswer(message: OutgoingMessage): Promise<void> {
    await storeMessage(this.options.chatId, message);
  }
}
