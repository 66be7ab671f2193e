// valid
import { db } from '../db';
import { sendDigests, sendReminders } from './send-reminders';

declare const scheduler: { every(interval: string, task: (members: Array<{ email: string }>) => Promise<void>): void };

export async function remindOne(member: { email: string }) {
  await sendReminders([member]);
  await sendDigests([member]);
}

export async function remindEveryone() {
  await sendReminders(await db.member.findMany());
}

scheduler.every('1d', sendDigests);
