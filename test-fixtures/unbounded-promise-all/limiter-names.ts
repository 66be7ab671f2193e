// A call waits its turn only in a limiter: a value a limiter library made, or an object or function named one.
// A function whose name merely contains those letters (`queueWelcomeEmail`, `getRateLimitStatus`) does the work itself.
import Bottleneck from 'bottleneck';
import pThrottle from 'p-throttle';

declare function sendEmail(userId: string): Promise<void>;
declare function queueWelcomeEmail(userId: string): Promise<void>;
declare function getRateLimitStatus(apiKey: string): Promise<{ remaining: number }>;
declare function rateLimit<T>(work: () => Promise<T>): Promise<T>;
declare const uploadQueue: { add(job: object): Promise<void> };
declare const AIQueue: { enqueue(job: object): Promise<void> };

const bottleneck = new Bottleneck({ maxConcurrent: 4 });
const throttledSend = bottleneck.wrap(sendEmail);
const paced = pThrottle({ limit: 2, interval: 1000 })(sendEmail);

export async function limited(userIds: string[]): Promise<void> {
  await Promise.all(userIds.map((userId) => throttledSend(userId)));
  await Promise.all(userIds.map((userId) => paced(userId)));
  await Promise.all(userIds.map((userId) => rateLimit(() => sendEmail(userId))));
  await Promise.all(userIds.map((userId) => uploadQueue.add({ userId })));
  await Promise.all(userIds.map((userId) => AIQueue.enqueue({ userId })));
}

export async function namedLikeLimiters(userIds: string[], apiKeys: string[]): Promise<void> {
  await Promise.all(userIds.map((userId) => queueWelcomeEmail(userId)));
  //    ^^^^^^^^^^^ unbounded-promise-all
  await Promise.all(apiKeys.map((apiKey) => getRateLimitStatus(apiKey)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}
