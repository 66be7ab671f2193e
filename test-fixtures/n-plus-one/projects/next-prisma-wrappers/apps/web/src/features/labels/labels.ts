// valid
import type { PrismaClient } from '@notes/db';
import { basePrisma } from '@/lib/prisma';
import { labelCache } from '@/lib/label-cache';

type LabelClient = Pick<PrismaClient, 'label'>;

export async function addMissingLabels({ prisma = basePrisma, noteId, names }: { prisma?: LabelClient; noteId: string; names: string[] }) {
  if (names.length === 0) return;
  await prisma.label.createMany({ data: names.map((name) => ({ noteId, name })), skipDuplicates: true });
}

export async function cachedLabel(name: string, cache = labelCache) {
  return cache.get(name);
}
