// Writes made only while a debugging variable of the environment is set are off where the code
// serves; a write behind any other setting, or a read behind a debugging one, is still reported.
import fs from 'node:fs';
import path from 'node:path';

const recordRoot = process.env.RECORD_WORKER_BUFFERS_DIR;
const auditEnabled = process.env.AUDIT_LOG === 'on';

declare function encode(message: unknown): Buffer;
declare function deliver(buffer: Buffer): Promise<unknown>;

export class WorkerChannel {
  private recordDir = recordRoot ? path.resolve(recordRoot, String(process.pid)) : null;

  async call(method: string, ...args: unknown[]): Promise<unknown> {
    this.send([method, ...args]);
    return deliver(encode([method, ...args]));
  }

  private send(message: unknown): void {
    const buffer = encode(message);
    if (this.recordDir) {
      fs.appendFileSync(path.join(this.recordDir, 'input'), buffer);
    }
  }
}

export async function handleJob(job: { id: string; payload: unknown }): Promise<void> {
  if (process.env.DEBUG_DUMP_JOBS) fs.writeFileSync(`/tmp/job-${job.id}.json`, JSON.stringify(job.payload));
  await deliver(encode(job.payload));
}

export async function audit(entry: string): Promise<void> {
  if (auditEnabled) fs.appendFileSync('audit.log', `${entry}\n`);
  //                ^^^^^^^^^^^^^^^^^ sync-io-in-async
  await deliver(encode(entry));
}

export async function replayRecorded(name: string): Promise<unknown> {
  if (process.env.DEBUG_REPLAY_DIR) {
    const buffer = fs.readFileSync(path.join('replays', name));
    //             ^^^^^^^^^^^^^^^ sync-io-in-async
    return deliver(buffer);
  }
  return undefined;
}
