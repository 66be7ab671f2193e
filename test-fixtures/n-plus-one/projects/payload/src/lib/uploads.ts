import type { Payload } from 'payload';

/** Each create uploads its file to storage: a loop that waits on uploads, not one statement per item. */
export async function uploadAll(payload: Payload, files: Array<{ name: string; data: Buffer; mimetype: string; size: number }>) {
  for (const file of files) {
    await payload.create({ collection: 'media', data: { alt: file.name }, file });
//  ^^^^^ await-in-loop
  }
}
