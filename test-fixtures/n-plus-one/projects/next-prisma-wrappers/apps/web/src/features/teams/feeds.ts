import { basePrisma } from '@/lib/prisma';
import { flags } from '@/lib/flags';

type Entry = { id: string; title: string };

async function upsertEntry(entry: Entry, { prisma = basePrisma }: { prisma?: typeof basePrisma } = {}) {
  await prisma.feedEntry.upsert({ where: { id: entry.id }, create: entry, update: { title: entry.title } });
}

export async function storeEntries(entries: Entry[]) {
  for (const entry of entries) {
    await upsertEntry(entry);
//        ^^^^^^^^^^^ n-plus-one
  }
}

export async function renameAccounts(ids: string[]) {
  for (const id of ids) {
    await basePrisma.account.update({ where: { id }, data: { name: id } });
//        ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

// The flags class of the same package keeps its rules in memory: no query per name.
export async function enabledFlags(names: string[]) {
  const enabled: string[] = [];
  for (const name of names) {
    const rule = await flags.rules.findFirst({ where: { name } });
//               ^^^^^ await-in-loop
    if (rule?.enabled) enabled.push(name);
  }
  return enabled;
}
