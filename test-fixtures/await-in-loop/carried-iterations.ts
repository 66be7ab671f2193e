// Iterations that hang together through what they share: a path each one extends, one connection opened before the loop,
// a quota checked again before each item, streams fed into one archive. Next to each, a look-alike whose items
// are independent, which is reported.
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';

interface Folder {
  id: string;
  name: string;
}

interface RemoteSession {
  put(data: Buffer, path: string): Promise<void>;
}

interface Upload {
  path: string;
  name: string;
  size: number;
}

interface ArchiveEntry {
  push(chunk: Uint8Array, final?: boolean): void;
}

declare const tree: {
  findByPath(projectId: string, path: string): Promise<Folder | null>;
  createFolder(projectId: string, parentId: string | null, name: string): Promise<Folder>;
};
declare const remote: { exec(serverId: string, command: string): Promise<void> };
declare function openSftpConnection(serverId: string): Promise<RemoteSession>;
declare function createApiClient(token: string): Promise<{ users: { get(id: string): Promise<{ id: string }> } }>;
declare function sendOverSession(session: RemoteSession, data: Buffer, path: string): Promise<void>;
declare function assertStorageQuota(orgId: string, planId: string): Promise<void>;
declare function recordStorageUsage(orgId: string, bytes: number): Promise<void>;
declare function readUpload(path: string): Promise<Buffer>;
declare function storeFile(orgId: string, name: string, data: Buffer): Promise<{ size: number }>;
declare function canUpload(orgId: string, name: string): Promise<void>;
declare const blobs: { open(name: string): Promise<Readable | null> };
declare function newEntry(name: string): ArchiveEntry;
declare function exportLog(line: string): Promise<void>;
declare class ZipStream {
  constructor(onData: (chunk: Uint8Array) => void);
  add(entry: ArchiveEntry): void;
  end(): void;
}

/** Each folder of the path is looked up (or made) below the one before it: `/a`, then `/a/b`. */
export async function ensureFolderPath(projectId: string, fullPath: string): Promise<Folder | null> {
  let builtPath = '';
  let parent: Folder | null = null;
  for (const name of fullPath.split('/').filter(Boolean)) {
    builtPath += `/${name}`;
    const found = await tree.findByPath(projectId, builtPath);
    parent = found ?? (await tree.createFolder(projectId, parent?.id ?? null, name));
  }
  return parent;
}

/** The same walk, its path joined from the previous one. */
export async function ensureJoinedPath(projectId: string, parts: string[]): Promise<void> {
  let prefix = '';
  for (const part of parts) {
    prefix = [prefix, part].join('/');
    await tree.findByPath(projectId, prefix);
  }
}

/** The key grows by each part as it is. */
export async function findKeyPrefixes(projectId: string, parts: string[]): Promise<void> {
  let key = '';
  for (const part of parts) {
    key += part;
    await tree.findByPath(projectId, key);
  }
}

/** A step by the same size each time is a counter: each call still gets its own item. */
export async function findPaged(projectId: string, names: string[], pageSize: number): Promise<void> {
  let offset = 0;
  for (const name of names) {
    await tree.findByPath(projectId, `/${name}?from=${offset}`);
//  ^^^^^ await-in-loop
    offset += pageSize;
  }
}

/** Each folder's path comes from its own name: the lookups do not depend on each other. */
export async function findFolders(projectId: string, names: string[]): Promise<Array<Folder | null>> {
  const found: Array<Folder | null> = [];
  for (const name of names) {
    const path = `/shared/${name}`;
    found.push(await tree.findByPath(projectId, path));
//             ^^^^^ await-in-loop
  }
  return found;
}

/** A counter stepped by one is no walk: each call still gets its own item. */
export async function findNumbered(projectId: string, names: string[]): Promise<void> {
  let attempt = 0;
  for (const name of names) {
    attempt = attempt + 1;
    await tree.findByPath(projectId, `/${attempt}/${name}`);
//  ^^^^^ await-in-loop
  }
}

/** Every file goes up over the one SFTP session opened before the loop. */
export async function uploadOverSession(serverId: string, files: Upload[], contents: Map<string, Buffer>): Promise<void> {
  let session: RemoteSession | null = null;
  if (serverId) session = await openSftpConnection(serverId);
  for (const file of files) {
    await remote.exec(serverId, `mkdir -p "${file.path}"`);
    if (session) await sendOverSession(session, contents.get(file.name)!, `${file.path}/${file.name}`);
  }
}

/** An API client is no connection: its requests can overlap. */
export async function loadUsers(token: string, ids: string[]): Promise<Array<{ id: string }>> {
  const client = await createApiClient(token);
  const users: Array<{ id: string }> = [];
  for (const id of ids) {
    users.push(await client.users.get(id));
//             ^^^^^ await-in-loop
  }
  return users;
}

/** The quota is checked again before each file, after the last one's usage was recorded. */
export async function storeUploads(orgId: string, planId: string, uploads: Upload[]): Promise<void> {
  for (const upload of uploads) {
    await assertStorageQuota(orgId, planId);
    const data = await readUpload(upload.path);
    const { size } = await storeFile(orgId, upload.name, data);
    await recordStorageUsage(orgId, size);
  }
}

/** A check of each file by its own name holds no state across files: the uploads are reported. */
export async function storeCheckedUploads(orgId: string, uploads: Upload[]): Promise<void> {
  for (const upload of uploads) {
    await canUpload(orgId, upload.name);
//  ^^^^^ await-in-loop
    const data = await readUpload(upload.path);
    await storeFile(orgId, upload.name, data);
  }
}

/** A line logged before each file is no check: the uploads are reported. */
export async function storeLoggedUploads(orgId: string, uploads: Upload[]): Promise<void> {
  for (const upload of uploads) {
    await exportLog('storing an upload');
    const data = await readUpload(upload.path);
//               ^^^^^ await-in-loop
    await storeFile(orgId, upload.name, data);
  }
}

/** Each blob streams into the next entry of one zip, which takes each entry whole before the next. */
export async function exportBlobs(files: Upload[], output: NodeJS.WritableStream): Promise<void> {
  const zip = new ZipStream((chunk) => output.write(chunk));
  for (let i = 0; i !== files.length; ++i) {
    const file = files[i]!;
    const stream = await blobs.open(file.name);
    if (stream) {
      const entry = newEntry(file.name);
      zip.add(entry);
      stream.on('data', (chunk: Uint8Array) => entry.push(chunk));
      stream.on('end', () => entry.push(new Uint8Array(0), true));
    }
  }
  zip.end();
}

/** Each blob streams into a file of its own: the downloads can overlap. */
export async function saveBlobs(names: string[], folder: string): Promise<void> {
  for (const name of names) {
    const stream = await blobs.open(name);
//                 ^^^^^ await-in-loop
    stream?.pipe(createWriteStream(`${folder}/${name}`));
    await exportLog(name);
  }
}
