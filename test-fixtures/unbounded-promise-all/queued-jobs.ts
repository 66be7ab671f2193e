// Adding a job to a queue (BullMQ's or Bull's `add(name, data)`, also through a function of the file that only does so) hands it over: the workers run it later.
import { Queue } from 'bullmq';
import PQueue from 'p-queue';

declare function notify(userId: string): Promise<void>;

const emailQueue = new Queue('email', { connection: { host: 'localhost' } });
const limiter = new PQueue({ concurrency: 4 });

async function queueDigest(userId: string): Promise<void> {
  await emailQueue.add('digest', { userId }, { removeOnComplete: true });
}

export class Mailer {
  constructor(private readonly welcomeQueue: Queue) {}

  async welcome(userIds: string[]) {
    await Promise.all(userIds.map((userId) => this.welcomeQueue.add('welcome', { userId })));
    await Promise.all(userIds.map((userId) => queueDigest(userId)));
    await Promise.all(userIds.map((userId) => limiter.add(() => notify(userId))));
  }

  async welcomeAndNotify(userIds: string[]) {
    await Promise.all(
    //    ^^^^^^^^^^^ unbounded-promise-all
      userIds.map(async (userId) => {
        await queueDigest(userId);
        await notify(userId);
      }),
    );
  }
}
