// valid
import { Injectable } from '@nestjs/common';
import type { IInvoiceRepository, Invoice } from '../domain/interfaces/invoice-repository.interface';
import { prisma } from './prisma';

@Injectable()
export class PrismaInvoiceRepository implements IInvoiceRepository {
  findById(id: string): Promise<Invoice | null> {
    return prisma.invoice.findUnique({ where: { id } });
  }

  async markPaid(id: string): Promise<void> {
    await prisma.invoice.update({ where: { id }, data: { paid: true } });
  }
}
