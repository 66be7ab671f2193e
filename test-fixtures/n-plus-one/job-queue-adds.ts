// Adding one job per item is one round trip to the queue's store each time; the batched forms add every job at once.
import { Queue } from 'bullmq';
import Bull from 'bull';
import BeeQueue from 'bee-queue';
import PgBoss from 'pg-boss';

const mailQueue = new Queue('mail', { connection: { host: 'redis' } });
const legacyQueue = new Bull('thumbnails', 'redis://redis:6379');
const pushQueue = new BeeQueue('push');
const boss = new PgBoss(process.env.DATABASE_URL!);

export async function queueReminders(subscribers: Array<{ email: string }>) {
  for (const subscriber of subscribers) {
    await mailQueue.add('reminder', { to: subscriber.email });
    //    ^^^^^^^^^^^^^ n-plus-one
  }
}

export async function queueThumbnails(images: Array<{ key: string }>) {
  await Promise.all(images.map((image) => legacyQueue.add({ key: image.key })));
  //                                      ^^^^^^^^^^^^^^^ n-plus-one
}

export async function queuePushes(devices: Array<{ token: string }>) {
  for (const device of devices) {
    await pushQueue.createJob({ token: device.token }).save();
    //    ^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function queueExports(reports: Array<{ id: string }>) {
  for (const report of reports) {
    await boss.send('export-report', { reportId: report.id });
    //    ^^^^^^^^^ n-plus-one
  }
}

// Already batched, or made for a later saveAll: no job is sent per item.
export async function queueAll(subscribers: Array<{ email: string }>) {
  await mailQueue.addBulk(subscribers.map((subscriber) => ({ name: 'reminder', data: { to: subscriber.email } })));
  const jobs = subscribers.map((subscriber) => pushQueue.createJob({ token: subscriber.email }));
  await pushQueue.saveAll(jobs);
}

// Added without waiting: the jobs go out behind one another on the queue's connection, the loop waits for none.
export function queueTranslations(formId: string, languages: string[]) {
  languages.forEach((language) => {
    mailQueue.add('translate', { formId, language });
  });
}
