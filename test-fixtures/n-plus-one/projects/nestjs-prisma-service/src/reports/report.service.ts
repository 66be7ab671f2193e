import { Injectable } from '@nestjs/common';
import { PrismaService } from 'nestjs-prisma';

@Injectable()
export class ReportService {
  constructor(private readonly prisma: PrismaService) {}

  async totals(reportIds: string[]) {
    const totals: number[] = [];
    for (const id of reportIds) {
      const rows = await this.prisma.reportLine.count({ where: { reportId: id } });
//                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      totals.push(rows);
    }
    return totals;
  }

  async close(reportIds: string[]) {
    await this.prisma.$transaction(async (tx) => {
      for (const id of reportIds) {
        await tx.report.update({ where: { id }, data: { closedAt: new Date() } });
//            ^^^^^^^^^^^^^^^^ n-plus-one
      }
    });
  }

  async lines(reportIds: string[]) {
    return this.prisma.reportLine.findMany({ where: { reportId: { in: reportIds } } });
  }
}
