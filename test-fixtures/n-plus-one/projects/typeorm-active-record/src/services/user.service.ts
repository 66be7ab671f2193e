import { In } from 'typeorm';
import { Session } from '../entity/session.entity';
import { User } from '../entity/user.entity';
import { Draft } from '../lib/draft';

export async function deactivateUsers(ids: string[]) {
  for (const id of ids) {
    const user = await User.findOneBy({ id });
//                     ^^^^^^^^^^^^^^ n-plus-one
    if (!user) continue;
    user.active = false;
    await user.save();
//        ^^^^^^^^^ n-plus-one
  }
}

export async function expireSessions(userId: string) {
  const sessions = await Session.findBy({ userId });
  for (const session of sessions) {
    await session.remove();
//        ^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function openSessions(userIds: string[], expiresAt: Date) {
  for (const userId of userIds) {
    const session = new Session();
    session.userId = userId;
    session.expiresAt = expiresAt;
    await session.save();
//        ^^^^^^^^^^^^ n-plus-one
  }
}

export async function normalizeEmails(users: User[]) {
  await Promise.all(
    users.map((user) => {
      user.email = user.email.trim().toLowerCase();
      return user.save();
//           ^^^^^^^^^ n-plus-one
    }),
  );
}

export async function countLogins(owner: User, events: string[]) {
  // One row, changed once per event: the same statement on the same row, not one per item.
  for (const event of events) {
    if (event === 'login') owner.loginCount += 1;
    await owner.save();
  }
}

export async function deactivateAll(ids: string[]) {
  await User.update({ id: In(ids) }, { active: false });
  const users = await User.findBy({ id: In(ids) });
  return users.map((user) => user.email);
}

export function fillDraft(draft: Draft, fields: Record<string, string>) {
  for (const [field, value] of Object.entries(fields)) draft.save(field, value);
  for (const field of Object.keys(fields)) if (!fields[field]) draft.remove(field);
}

export async function seedAdmins() {
  for (const email of ['admin@example.com', 'ops@example.com']) {
    await User.create({ email }).save();
  }
}
