// A job added per item (BullMQ's or Bull's `add(name, data)`, also through a function of the file that only does so) is one round trip to the
// queue's store each: n-plus-one reports it (addBulk adds them at once), not as a fan-out; a limiter's add runs under its bound.
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
    //                                        ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    await Promise.all(userIds.map((userId) => queueDigest(userId)));
    //                                        ^^^^^^^^^^^ n-plus-one
    await Promise.all(userIds.map((userId) => limiter.add(() => notify(userId))));
  }

  async welcomeAndNotify(userIds: string[]) {
    await Promise.all(
      userIds.map(async (userId) => {
        await queueDigest(userId);
        //    ^^^^^^^^^^^ n-plus-one
        await notify(userId);
      }),
    );
  }
}
