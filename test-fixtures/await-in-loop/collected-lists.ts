// Loops whose later iterations run their await or not by what the earlier ones collected: the first few covers that
// exist on disk, records created one by one that the next record is checked against.
// Next to each, a look-alike whose list decides nothing before the await, or only skips an item seen before, which is reported.
import { access } from 'node:fs/promises';

interface Book {
  id: string;
  coverPath?: string;
}

interface DnsRecord {
  name: string;
  type: 'A' | 'CNAME' | 'MX' | 'TXT';
  content: string;
}

declare function createDnsRecord(zone: string, record: DnsRecord): Promise<void>;
declare function uploadRecordAudit(zone: string, record: DnsRecord): Promise<void>;
declare function sendMention(userId: string): Promise<void>;

async function fileExists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** The first five books whose cover file is still there. */
export async function booksWithCovers(books: Book[]): Promise<string[]> {
  const withCovers: string[] = [];
  for (const book of books) {
    if (book.coverPath && withCovers.length < 5 && (await fileExists(book.coverPath))) {
      withCovers.push(book.id);
    }
  }
  return withCovers;
}

/** Every book whose cover file is still there: each check stands alone. */
export async function allBooksWithCovers(books: Book[]): Promise<string[]> {
  const withCovers: string[] = [];
  for (const book of books) {
    if (book.coverPath && (await fileExists(book.coverPath))) {
    //                     ^^^^^ await-in-loop
      withCovers.push(book.id);
    }
  }
  return withCovers;
}

/** A CNAME may not share its name with another record, also one this loop has just created. */
export async function ensureRecords(zone: string, desired: DnsRecord[], existing: DnsRecord[]): Promise<void> {
  for (const record of desired) {
    const sameName = existing.filter((other) => other.name === record.name);
    const clash = sameName.some((other) => (record.type === 'CNAME') !== (other.type === 'CNAME'));
    if (clash) {
      throw new Error(`The ${record.type} record ${record.name} clashes with an existing record`);
    }
    await createDnsRecord(zone, record);
    existing.push(record);
  }
}

/** The audit of each record: the list of what was sent is only returned. */
export async function auditRecords(zone: string, desired: DnsRecord[]): Promise<DnsRecord[]> {
  const sent: DnsRecord[] = [];
  for (const record of desired) {
    if (sent.length > 0) console.info(`auditing ${record.name} after ${sent.length} records`);
    await uploadRecordAudit(zone, record);
//  ^^^^^ await-in-loop
    sent.push(record);
  }
  return sent;
}

/** Each mentioned user once: a repeated mention is skipped by its key, the other mentions stand alone. */
export async function notifyOnce(userIds: string[]): Promise<void> {
  const notified = new Set<string>();
  for (const userId of userIds) {
    if (notified.has(userId)) continue;
    await sendMention(userId);
//  ^^^^^ await-in-loop
    notified.add(userId);
  }
}
