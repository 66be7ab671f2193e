// A worker thread's module: its top-level call runs each job the application hands the thread, not the application's start-up.
import mongoose from 'mongoose';
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';

const Contact = mongoose.model('Contact', new mongoose.Schema({ email: String, workspaceId: String }));

interface ImportJob {
  workspaceId: string;
  emails: string[];
}

async function importContacts(job: ImportJob): Promise<void> {
  for (const email of job.emails) {
    const known = await Contact.findOne({ email, workspaceId: job.workspaceId });
//                      ^^^^^^^^^^^^^^^ n-plus-one
    if (!known) await Contact.create({ email, workspaceId: job.workspaceId });
  }
  parentPort?.postMessage('done');
}

export function startImport(job: ImportJob): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: job });
    worker.on('message', resolve);
    worker.on('error', reject);
  });
}

if (!isMainThread) {
  void importContacts(workerData as ImportJob);
}
