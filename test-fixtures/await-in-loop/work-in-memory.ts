// Awaiting, in a loop, a method of the class that only formats values, or a store of the file that keeps its
// entries in a Map, waits on no round trip. A method that sends a request, or a store that reads a file, does.
import { readFile } from 'node:fs/promises';

interface Invoice {
  id: string;
  lines: Array<{ label: string; cents: number }>;
}

class DraftStore {
  private readonly drafts = new Map<string, string>();

  async load(id: string): Promise<string | undefined> {
    return this.drafts.get(id);
  }

  async save(id: string, text: string): Promise<void> {
    this.drafts.set(id, text);
  }
}

class ArchiveStore {
  async load(id: string): Promise<string> {
    return readFile(`archive/${id}.txt`, 'utf8');
  }
}

const drafts = new DraftStore();
const archive = new ArchiveStore();

export class InvoiceSummaries {
  async summarizeAll(invoices: Invoice[]): Promise<string[]> {
    const pages: string[] = [];
    for (const invoice of invoices) {
      const page = await this.summarize(invoice);
      if (page) pages.push(page);
    }
    return pages;
  }

  async sendAll(invoices: Invoice[]): Promise<void> {
    for (const invoice of invoices) {
      await this.send(invoice);
//    ^^^^^ await-in-loop
    }
  }

  private async summarize(invoice: Invoice): Promise<string> {
    const total = await this.total(invoice);
    return `${invoice.id}: ${total}`;
  }

  private async total(invoice: Invoice): Promise<string> {
    const cents = invoice.lines.reduce((sum, line) => sum + line.cents, 0);
    return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  }

  private async send(invoice: Invoice): Promise<void> {
    await fetch('https://mail.example.com/invoices', { method: 'POST', body: await this.summarize(invoice) });
  }
}

export async function draftTexts(ids: string[]): Promise<string[]> {
  const texts: string[] = [];
  for (const id of ids) {
    const text = await drafts.load(id);
    if (text !== undefined) texts.push(text);
  }
  return texts;
}

export async function archivedTexts(ids: string[]): Promise<string[]> {
  const texts: string[] = [];
  for (const id of ids) {
    texts.push(await archive.load(id));
    //         ^^^^^ await-in-loop
  }
  return texts;
}

interface RemoteDrafts {
  get(id: string): Promise<string | undefined>;
}

// A field that starts as a Map but that a method may point at a remote store holds no promise of staying in memory.
class SwitchableDraftStore {
  private drafts: Map<string, string> | RemoteDrafts = new Map<string, string>();

  useRemote(remote: RemoteDrafts): void {
    this.drafts = remote;
  }

  async load(id: string): Promise<string | undefined> {
    return this.drafts.get(id);
  }
}

const switchable = new SwitchableDraftStore();

export async function switchableTexts(ids: string[]): Promise<string[]> {
  const texts: string[] = [];
  for (const id of ids) {
    const text = await switchable.load(id);
    //           ^^^^^ await-in-loop
    if (text !== undefined) texts.push(text);
  }
  return texts;
}
