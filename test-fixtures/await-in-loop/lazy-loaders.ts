// A loader that keeps what its first call loaded in a field (`if (this.x === undefined) this.x = await …`, `this.x ??= await …`)
// waits once when one instance, made before the loop, serves every turn. One that loads on every call waits in every turn.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

interface Message {
  id: string;
  from: string;
  accountId: string;
}

declare function fetchLabels(accountId: string): Promise<string[]>;
declare function fetchThread(threadId: string): Promise<Message[]>;

class LabelsLoader {
  private labels?: string[];

  async get(accountId: string): Promise<string[]> {
    if (this.labels === undefined) this.labels = await fetchLabels(accountId);
    return this.labels;
  }
}

class SendersLoader {
  private senders: Set<string> | undefined;

  async get(accountId: string): Promise<Set<string>> {
    this.senders ??= new Set((await prisma.sender.findMany({ where: { accountId } })).map((sender) => sender.email));
    return this.senders;
  }
}

class ThreadLoader {
  async get(threadId: string): Promise<Message[]> {
    return await fetchThread(threadId);
  }
}

export async function labelMessages(messages: Message[]): Promise<string[]> {
  const loader = new LabelsLoader();
  const senders = new SendersLoader();
  const found: string[] = [];
  for (const message of messages) {
    const labels = await loader.get(message.accountId);
    if ((await senders.get(message.accountId)).has(message.from)) found.push(...labels);
  }
  return found;
}

export async function threadSizes(threadIds: string[]): Promise<number[]> {
  const loader = new ThreadLoader();
  const sizes: number[] = [];
  for (const threadId of threadIds) {
    sizes.push((await loader.get(threadId)).length);
    //          ^^^^^ await-in-loop
  }
  return sizes;
}
