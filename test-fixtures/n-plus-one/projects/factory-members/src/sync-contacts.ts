import { prisma } from './db';
import { createContactQueries, createFormatter } from './contact-queries';

const { findContact } = createContactQueries(prisma);

export async function loadContacts(ids: string[]) {
  const contacts = [];
  for (const id of ids) {
    contacts.push(await findContact(id));
//                      ^^^^^^^^^^^ n-plus-one
  }
  return contacts;
}

export async function markSeen(ids: string[]) {
  const { touchContact: touch } = createContactQueries(prisma);
  for (const id of ids) {
    await touch(id);
//        ^^^^^ n-plus-one
  }
}

export async function describeAll(names: string[]) {
  const { describe } = createFormatter('en');
  const out: string[] = [];
  for (const name of names) {
    out.push(await describe(name));
//           ^^^^^ await-in-loop
  }
  return out;
}
