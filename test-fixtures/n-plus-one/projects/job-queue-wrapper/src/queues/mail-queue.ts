// valid
import { Queue, type JobsOptions } from 'bullmq';
import connection from './connection';

let mailQueue: Queue | null = null;

const getQueue = () => {
  if (!mailQueue) mailQueue = connection.createQueue('mail');
  return mailQueue;
};

export const push = async (message: { to: string; subject: string }, options: JobsOptions = {}) => {
  await getQueue().add('send', message, { removeOnComplete: true, ...options });
};


