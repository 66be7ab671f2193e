// Loops that release what an object holds as it goes away, or report progress after each item: in order on purpose.
// Next to them, look-alikes that take an argument or only log, and should run concurrently.
interface HeldLock {
  id: string;
  value: string;
}

interface LockClient {
  release(id: string, value: string): Promise<void>;
}

interface Subscriber<T> {
  next(value: T): void;
}

interface Progress {
  total: number;
  completed: number;
}

interface ReindexJob {
  ids: string[];
  updateProgress(percent: number): Promise<void>;
}

interface TicketRequest {
  send(body: object): TicketRequest;
  set(header: string, value: string): Promise<unknown>;
}

declare const superagent: { patch(url: string): TicketRequest };
declare function reindexProduct(productId: string): Promise<void>;
declare function archiveMessage(ticketId: string, messageId: string): Promise<void>;
declare function markSynced(record: { id: string; processed: boolean }): Promise<void>;
declare function skipReason(input: { processedIds: Set<string>; orderId: string }): string | undefined;
declare function shipOrder(orderId: string): Promise<{ id: string }>;
declare const logger: { info(message: string, details: object): void };
declare const limits: { setEnvironmentLimit(environmentId: string, limit: number): Promise<void>; recalculatePercentLimits(environmentId: string): void };

export class LockRegistry {
  private readonly held = new Map<string, HeldLock>();

  constructor(private readonly client: LockClient) {}

  /** Releases every lock still held when the process stops. */
  async quit(): Promise<void> {
    for (const lock of this.held.values()) {
      await this.client.release(lock.id, lock.value);
    }
    this.held.clear();
  }

  async dispose(): Promise<void> {
    for (const [id, lock] of this.held) {
      await this.client.release(id, lock.value);
    }
    this.held.clear();
  }
}

export class TicketService {
  /** Closing a ticket is a request's work, named like a shutdown. */
  async close(ticketId: string, messageIds: string[]): Promise<void> {
    for (const messageId of messageIds) {
      await archiveMessage(ticketId, messageId);
    //^^^^^ await-in-loop
    }
  }
}

export async function reindexAll(productIds: string[], observer: Subscriber<Progress>): Promise<void> {
  let completed = 0;
  for (const productId of productIds) {
    await reindexProduct(productId);
    completed++;
    observer.next({ total: productIds.length, completed });
  }
}

export async function runReindexJob(job: ReindexJob): Promise<void> {
  for (const [index, id] of job.ids.entries()) {
    await reindexProduct(id);
    await job.updateProgress(((index + 1) / job.ids.length) * 100);
  }
}

export async function reindexLogged(productIds: string[]): Promise<void> {
  let completed = 0;
  for (const productId of productIds) {
    await reindexProduct(productId);
  //^^^^^ await-in-loop
    logger.info('reindexed', { completed: ++completed });
  }
}

export async function syncRecords(records: Array<{ id: string }>): Promise<void> {
  for (const record of records) {
    await markSynced({ id: record.id, processed: true });
  //^^^^^ await-in-loop
  }
}

/** A name that holds "percent" reports nothing: the loop applies limits, one environment after another for no reason. */
export async function applyLimits(environmentIds: string[], limit: number): Promise<void> {
  for (const environmentId of environmentIds) {
    await limits.setEnvironmentLimit(environmentId, limit);
  //^^^^^ await-in-loop
    limits.recalculatePercentLimits(environmentId);
  }
}

/** A step of the awaited request that carries `completed` is the request's body, not a report after the work. */
export async function closeTickets(ticketIds: string[], token: string): Promise<void> {
  for (const ticketId of ticketIds) {
    await superagent.patch(`/api/tickets/${ticketId}`).send({ completed: true }).set('Authorization', token);
  //^^^^^ await-in-loop
  }
}

/** Rows gathered into the function's own list are no report, whatever their fields are called: the fetch per feed is the work. */
export async function collectEntries(feedUrls: string[]): Promise<Array<{ feed: string; title: string; processed: boolean }>> {
  const entries: Array<{ feed: string; title: string; processed: boolean }> = [];
  for (const feedUrl of feedUrls) {
    const response = await fetch(feedUrl);
//                   ^^^^^ await-in-loop
    const titles = (await response.json()) as string[];
    for (const title of titles) {
      entries.push({ feed: feedUrl, title, processed: false });
    }
  }
  return entries;
}

/** A look-up whose answer the loop goes on with is no report, even with a `processed` field in its argument. */
export async function shipPending(orderIds: string[], processedIds: Set<string>): Promise<void> {
  let skipped = 0;
  for (const orderId of orderIds) {
    const shipment = await shipOrder(orderId);
//                   ^^^^^ await-in-loop
    const reason = skipReason({ processedIds, orderId: shipment.id });
    if (reason) {
      skipped++;
      continue;
    }
    logger.info('shipped', { skipped });
  }
}
