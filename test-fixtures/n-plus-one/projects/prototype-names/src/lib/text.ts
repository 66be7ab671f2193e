// valid
import { prisma } from './prisma';

/** Named as a method every object has: the index must not take `Object.prototype.toString` for its summary. */
export function toString(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export async function labelOf(id: string) {
  return prisma.label.findUnique({ where: { id } });
}
