// When the work started per item is itself a `Promise.all`, the message names the call that inner one starts.
declare function removeFile(path: string): Promise<void>;
declare function unlinkPost(postId: string, upload: string): Promise<void>;

export async function removeUploads(uploads: string[], postsByUpload: string[][]): Promise<void> {
  await Promise.all(uploads.map((upload) => Promise.all([removeFile(upload), removeFile(`${upload}-thumb`)])));
  //    ^^^^^^^^^^^ unbounded-promise-all
  await Promise.all(postsByUpload.map(async (postIds, index) => Promise.all(postIds.map((postId) => unlinkPost(postId, uploads[index]!)))));
  //    ^^^^^^^^^^^ unbounded-promise-all
}
