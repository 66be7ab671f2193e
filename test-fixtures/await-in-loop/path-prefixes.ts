// Folders made down a path's prefixes (`a`, `a/b`, `a/b/c`) on a remote store: a child can be made only once its parent is.
// Next to it, one folder per user, which do not depend on each other.
import path from 'node:path';

interface RemoteFiles {
  readdir(dir: string): Promise<string[]>;
  mkdir(dir: string): Promise<void>;
}

export async function ensureRemoteDirectory(sftp: RemoteFiles, basePath: string, filePath: string): Promise<void> {
  const folders = filePath.split('/').slice(0, -1);
  for (let i = 1; i <= folders.length; i++) {
    const folder = path.posix.join(basePath, folders.slice(0, i).join('/'));
    try {
      await sftp.readdir(folder);
    } catch {
      await sftp.mkdir(folder);
    }
  }
}

export async function makeUserFolders(sftp: RemoteFiles, basePath: string, userIds: string[]): Promise<void> {
  for (let i = 0; i < userIds.length; i++) {
    await sftp.mkdir(path.posix.join(basePath, 'users', userIds[i]!));
//  ^^^^^ await-in-loop
  }
}
