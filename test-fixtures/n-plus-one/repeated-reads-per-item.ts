import mongoose from 'mongoose';

const LinkSettings = mongoose.model('LinkSettings', new mongoose.Schema({ workspaceId: String, pattern: String }));
const Upload = mongoose.model('Upload', new mongoose.Schema({ workspaceId: String, name: String }));

async function linkSettingsOf(workspaceId: string) {
  return LinkSettings.findOne({ workspaceId });
}

// Each item reads the same settings: read them once, before the loop.
export async function pieceLinks(workspaceId: string, pieces: { id: string }[]): Promise<string[]> {
  const links: string[] = [];
  for (const piece of pieces) {
    const settings = await LinkSettings.findOne({ workspaceId });
//                         ^^^^^^^^^^^^^^^^^^^^ n-plus-one
    links.push(`${settings?.pattern ?? ''}/${piece.id}`);
  }
  return links;
}

// The same through a function of the project: await-in-loop says to load the rows once.
export async function pieceLinksThroughHelper(workspaceId: string, pieces: { id: string }[]): Promise<string[]> {
  const links: string[] = [];
  for (const piece of pieces) {
    const settings = await linkSettingsOf(workspaceId);
//                   ^^^^^ await-in-loop
    links.push(`${settings?.pattern ?? ''}/${piece.id}`);
  }
  return links;
}

declare function checkUploadQuota(workspaceId: string): Promise<void>;
declare function storeFile(name: string): Promise<void>;

// A check asked again before each item's own work, its value dropped: it sees what the earlier uploads used.
export async function uploadAll(workspaceId: string, names: string[]): Promise<void> {
  for (const name of names) {
    await checkUploadQuota(workspaceId);
    await storeFile(name);
  }
}

// A counter loop may page: the same call is no read of the same rows.
export async function pollUploads(workspaceId: string, attempts: number): Promise<number> {
  let seen = 0;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const latest = await Upload.countDocuments({ workspaceId });
    if (latest > seen) seen = latest;
  }
  return seen;
}
