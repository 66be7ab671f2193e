// valid
import type { ICustomerRepository } from '../domain/interfaces/customer-repository.interface';
import { prisma } from './prisma';

export class PrismaCustomerRepository implements ICustomerRepository {
  async nameOf(id: string): Promise<string | undefined> {
    const row = await prisma.customer.findUnique({ where: { id }, select: { name: true } });
    return row?.name;
  }
}
