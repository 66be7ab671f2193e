// valid
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

@Injectable()
export class AuditService {
  constructor(private readonly prisma: PrismaService) {}

  /** Records a change and bumps the label's revision, both or neither. */
  async record(labelId: string, change: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.auditEntry.create({ data: { labelId, change } });
      await tx.label.update({ where: { id: labelId }, data: { revision: { increment: 1 } } });
    });
  }
}
