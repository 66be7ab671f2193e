import { prisma } from './lib/prisma';
import { labelOf, toString } from './lib/text';

export async function describeAll(ids: string[]) {
  const lines: string[] = [];
  for (const id of ids) {
    lines.push(toString(id));
    lines.push(toString(await labelOf(id)));
//                            ^^^^^^^ n-plus-one
  }
  return lines;
}

export async function countAll(ids: string[]) {
  return prisma.label.count({ where: { id: { in: ids.map((id) => toString(id)) } } });
}
