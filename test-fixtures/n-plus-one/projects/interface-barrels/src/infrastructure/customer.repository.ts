// valid
import type { ICustomerRepository } from '../domain/interfaces';
import { prisma } from './prisma';

export class PrismaCustomerRepository implements ICustomerRepository {
  async nameOf(id: string): Promise<string | undefined> {
    const row = await prisma.customer.findUnique({ where: { id }, select: { name: true } });
    return row?.name;
  }
}
