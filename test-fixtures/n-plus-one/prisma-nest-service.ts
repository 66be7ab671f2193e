import { Injectable } from '@nestjs/common';
import { PrismaClient, type Prisma } from '@prisma/client';
import { PrismaService } from '../prisma/prisma.service';

@Injectable()
export class InvoiceService {
  constructor(private readonly prisma: PrismaService) {}

  async totals(invoiceIds: string[]) {
    const totals = new Map<string, number>();
    for (const id of invoiceIds) {
      const lines = await this.prisma.invoiceLine.findMany({ where: { invoiceId: id } });
//                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      totals.set(id, lines.reduce((sum, line) => sum + line.amount, 0));
    }
    return totals;
  }

  async archive(ids: string[]) {
    await this.prisma.$transaction(async (tx: Prisma.TransactionClient) => {
      for (const id of ids) {
        await tx.invoice.update({ where: { id }, data: { archived: true } });
//            ^^^^^^^^^^^^^^^^^ n-plus-one
      }
    });
  }
}

export class ReportingClient extends PrismaClient {
  async owners(projectIds: string[]) {
    const owners = [];
    for (const projectId of projectIds) {
      owners.push(await this.user.findFirst({ where: { projects: { some: { id: projectId } } } }));
//                      ^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return owners;
  }
}

@Injectable()
export class AuditService {
  constructor(private readonly db: PrismaClient) {}

  names(userIds: string[]) {
    return userIds.map((id) => this.db.user.findUniqueOrThrow({ where: { id }, select: { name: true } }));
//                             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}
