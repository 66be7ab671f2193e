import { enqueueAndWait, enqueueJob, requestReindex } from '../jobs/client';

/** Every uploaded file gets a processing job: an add per file is a round trip to the queue's store (n-plus-one where the queue is known), the work runs in the workers. */
export async function processUploads(files: Array<{ path: string; mimetype: string }>) {
  const jobs = await Promise.all(files.map((file) => enqueueJob('uploads', 'process-upload', { path: file.path, type: file.mimetype })));
  await Promise.all(files.map(async (file) => requestReindex(file.path)));
  //                                          ^^^^^^^^^^^^^^ n-plus-one
  return jobs.map((job) => job.id);
}

/** Waiting for every job's result at once is a round trip per file, all together. */
export async function convertUploads(files: Array<{ path: string }>) {
  return Promise.all(files.map((file) => enqueueAndWait('convert', { path: file.path })));
  //     ^^^^^^^^^^^ unbounded-promise-all
}
