import { push } from '../queues/mail-queue';

export async function remind(emails: string[]) {
  for (const to of emails) {
    await push({ to, subject: 'Reminder' });
    //    ^^^^ n-plus-one
  }
}

// One job with every address: a single round trip.
export async function remindAll(emails: string[]) {
  await push({ to: emails.join(','), subject: 'Reminder' });
}
