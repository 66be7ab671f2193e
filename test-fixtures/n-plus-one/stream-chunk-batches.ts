import mongoose from 'mongoose';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const Page = mongoose.model('Page', new mongoose.Schema({ path: String, descendantCount: Number }));

/** A cursor cut into batches: each batch is an array of documents handed to `write`. */
export async function recountDescendants(cursor: Readable, batches: Transform) {
  const recount = new Writable({
    objectMode: true,
    async write(pages, _encoding, callback) {
      for await (const page of pages) {
        await Page.updateOne({ _id: page._id }, { $set: { descendantCount: page.children.length } });
//            ^^^^^^^^^^^^^^ n-plus-one
      }
      callback();
    },
  });
  await pipeline(cursor, batches, recount);
}

class TouchPages extends Writable {
  async _write(pageIds: unknown, _encoding: BufferEncoding, callback: (error?: Error | null) => void) {
    for await (const id of pageIds as string[]) {
      await Page.findById(id);
//          ^^^^^^^^^^^^^ n-plus-one
    }
    callback();
  }
}

export const touchPages = () => new TouchPages({ objectMode: true });

/** A stream of its own: each document arrives when the previous one is done. */
export async function renamePaths(stream: Readable) {
  for await (const page of stream) {
    await Page.updateOne({ _id: page._id }, { $set: { path: page.path.toLowerCase() } });
  }
}
