// valid: the worker process's entry starts a worker that runs until the process stops; it is no one-off script.
import { UploadWorker } from './upload-worker';

const stopped = new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));

async function main() {
  const uploadWorker = new UploadWorker();
  const running = uploadWorker.start();
  await Promise.race([running, stopped]);
  uploadWorker.stop();
}

main();
