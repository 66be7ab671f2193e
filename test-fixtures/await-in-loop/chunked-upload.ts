// An upload sent piece by piece: the counter numbers the chunks of one file, and the server takes them in order.
import { open } from 'node:fs/promises';

interface UploadPlan {
  chunkSize: number;
  totalChunkCount: number;
}

function planChunks(size: number): UploadPlan {
  const chunkSize = 10 * 1024 * 1024;
  return { chunkSize, totalChunkCount: Math.max(1, Math.ceil(size / chunkSize)) };
}

export async function uploadVideo(uploadUrl: string, path: string, size: number): Promise<void> {
  const { chunkSize, totalChunkCount } = planChunks(size);
  const file = await open(path, 'r');
  try {
    for (let index = 0; index < totalChunkCount; index++) {
      const start = index * chunkSize;
      const end = Math.min(start + chunkSize, size) - 1;
      const buffer = Buffer.alloc(end - start + 1);
      await file.read(buffer, 0, buffer.length, start);
      const response = await fetch(uploadUrl, {
        method: 'PUT',
        headers: { 'Content-Range': `bytes ${start}-${end}/${size}` },
        body: buffer,
      });
      if (!response.ok && response.status !== 206) throw new Error(`chunk ${index} failed with ${response.status}`);
    }
  } finally {
    await file.close();
  }
}

export async function uploadAll(uploadUrl: string, paths: string[]): Promise<void> {
  for (let index = 0; index < paths.length; index++) {
    const body = await readFileForUpload(paths[index]!);
    //           ^^^^^ await-in-loop
    await fetch(`${uploadUrl}/${index}`, { method: 'PUT', body });
  }
}

declare function readFileForUpload(path: string): Promise<Buffer>;
