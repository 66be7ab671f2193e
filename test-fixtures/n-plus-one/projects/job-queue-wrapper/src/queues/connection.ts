// valid
import { Queue, type QueueOptions } from 'bullmq';

export const createQueue = (name: string, options?: Omit<QueueOptions, 'connection'>) =>
  new Queue(name, { connection: { host: process.env.REDIS_HOST }, ...options });

export default { createQueue };
