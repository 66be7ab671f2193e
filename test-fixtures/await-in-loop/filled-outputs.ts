// Archives filled entry by entry, outputs a walk fills, hashes computed in memory: left alone; their look-alikes that wait on I/O are reported.
import { createHash } from 'node:crypto';
import { createHash as createProjectHash } from './lib/hash';
import JSZip from 'jszip';
import type { Archiver } from 'archiver';

interface StoredFile {
  key: string;
  name: string;
  updatedAt: Date;
}

interface FolderNode {
  id: string;
  title: string;
  children: FolderNode[];
}

declare const storage: { download(key: string): Promise<Buffer>; head(key: string): Promise<{ size: number }> };
declare const reports: { fetch(name: string): Promise<Array<Record<string, string>>> };
declare const folders: { load(id: string): Promise<{ id: string; body: string }> };
declare const tokens: { save(digest: string): Promise<void> };
declare function streamZip(name: string, fill: (zip: { addBuffer(data: Buffer, path: string, options?: { mtime: Date }): void }) => Promise<void>): void;
declare function toCsv(rows: Array<Record<string, string>>): string;

/** Each download goes into the streamed zip as its next entry. */
export function zipFiles(files: StoredFile[]): void {
  streamZip('files.zip', async (zip) => {
    for (const file of files) {
      zip.addBuffer(await storage.download(file.key), file.name, { mtime: file.updatedAt });
    }
  });
}

/** The downloaded bytes, held in a variable, become one entry of the archive. */
export async function archiveFiles(files: StoredFile[], archive: Archiver): Promise<void> {
  for (const file of files) {
    const data = await storage.download(file.key);
    archive.append(data, { name: file.name });
  }
  await archive.finalize();
}

/** A report computed per name and turned into CSV: the queries could overlap, the zip only stores their output. */
export async function zipReports(names: string[]): Promise<Buffer> {
  const zip = new JSZip();
  for (const name of names) {
    const rows = await reports.fetch(name);
//               ^^^^^ await-in-loop
    zip.file(`${name}.csv`, toCsv(rows));
  }
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** The bytes go into the zip and are measured as well: the download is more than the entry. */
export async function zipAndMeasure(files: StoredFile[], sizes: number[]): Promise<Buffer> {
  const zip = new JSZip();
  for (const file of files) {
    const data = await storage.download(file.key);
//               ^^^^^ await-in-loop
    zip.file(file.name, data);
    sizes.push(data.length);
  }
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** One new zip per file: no archive is shared by the iterations. */
export async function zipEach(files: StoredFile[]): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const file of files) {
    const zip = new JSZip();
    zip.file(file.name, await storage.download(file.key));
//                      ^^^^^ await-in-loop
    out.push(await zip.generateAsync({ type: 'nodebuffer' }));
  }
  return out;
}

/** A walk that calls itself per child and fills the export it builds: started together, the folders would land in another order. */
export async function exportTree(roots: FolderNode[]): Promise<Record<string, string>> {
  const output: Record<string, string> = {};
  const addTree = async (nodes: FolderNode[]) => {
    for (const node of nodes) {
      output[node.id] = node.title;
      await addTree(node.children);
    }
  };
  await addTree(roots);
  return output;
}

/** A helper that appends each body to the caller's string. */
export async function joinBodies(ids: string[]): Promise<string> {
  let text = '';
  const appendBody = async (id: string) => {
    const folder = await folders.load(id);
    text = text + folder.body;
  };
  for (const id of ids) await appendBody(id);
  return text;
}

declare function labelOf(field: { id: string; formId: string }, loadForm: (id: string) => Promise<{ title: string }>): Promise<string>;

/** Each call is handed a loader that remembers the forms it loaded, so that each form loads once. */
export async function labelsOf(fields: Array<{ id: string; formId: string }>): Promise<string[]> {
  const forms = new Map<string, { title: string }>();
  const loadForm = async (id: string) => {
    if (!forms.has(id)) forms.set(id, { title: (await folders.load(id)).body });
    return forms.get(id)!;
  };
  const labels: string[] = [];
  for (const field of fields) labels.push(await labelOf(field, loadForm));
  return labels;
}

/** A loader that remembers nothing: the calls could overlap. */
export async function plainLabelsOf(fields: Array<{ id: string; formId: string }>): Promise<string[]> {
  const loadForm = async (id: string) => ({ title: (await folders.load(id)).body });
  const labels: string[] = [];
  for (const field of fields) labels.push(await labelOf(field, loadForm));
//                                        ^^^^^ await-in-loop
  return labels;
}

const sizeCache = new Map<string, number>();

/** A helper that only fills a module's cache: the reads are independent. */
export async function sizesOf(keys: string[]): Promise<number[]> {
  const sizeOf = async (key: string) => {
    const { size } = await storage.head(key);
    sizeCache.set(key, size);
    return size;
  };
  const out: number[] = [];
  for (const key of keys) out.push(await sizeOf(key));
//                                 ^^^^^ await-in-loop
  return out;
}

/** Hashing in memory, Web Crypto's or a hash object's, waits for nothing; only the saves are reported. */
export async function storeCodes(codes: string[]): Promise<string[]> {
  const digests: string[] = [];
  for (const code of codes) {
    const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(code));
    digests.push(Buffer.from(bytes).toString('hex'));
  }
  for (const code of codes) {
    const digest = await createHash('sha512').update(code).digest('hex');
    await tokens.save(digest);
//  ^^^^^ await-in-loop
  }
  return digests;
}

/** A project's own `createHash` may do anything: its digest is reported. */
export async function projectHashes(codes: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const code of codes) out.push(await createProjectHash(code).digest());
//                                   ^^^^^ await-in-loop
  return out;
}
