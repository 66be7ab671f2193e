// One caller hands over one member, another every member a query returns: the list is as long as the query's.
// A function handed on to a scheduler is called with what the scheduler holds.
import { db } from '../db';

declare function sendMail(to: string): Promise<void>;

export async function sendReminders(members: Array<{ email: string }>) {
  const team = await db.team.findFirst();
  await Promise.all(members.map((member) => sendMail(`${team?.name}:${member.email}`)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

export async function sendDigests(members: Array<{ email: string }>) {
  const team = await db.team.findFirst();
  await Promise.all(members.map((member) => sendMail(`${team?.name}:${member.email}`)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}
