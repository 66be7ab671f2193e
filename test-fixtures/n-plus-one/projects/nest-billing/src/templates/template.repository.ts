// valid
import { Injectable } from '@nestjs/common';
import { PrismaService } from '@billing/prisma/prisma.service';
import type { SoftDeleteModel } from 'mongoose-delete';

@Injectable()
export class TemplateRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly archived: SoftDeleteModel,
  ) {}

  async findById(id: string) {
    return this.prisma.template.findUnique({ where: { id } });
  }

  /** Reads soft-deleted rows through a plugin of the database library: a query, not work outside the database. */
  async findDeleted(id: string) {
    return await this.archived.findDeleted({ _id: id });
  }
}
