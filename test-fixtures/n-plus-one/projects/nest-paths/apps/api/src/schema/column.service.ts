// valid
import { Injectable } from '@nestjs/common';
import { PrismaService } from '@shop/api/prisma/prisma.service';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const dropDefaultSql = (table: string, column: string) => `ALTER TABLE ${quote(table)} ALTER COLUMN ${quote(column)} DROP DEFAULT`;

@Injectable()
export class ColumnService {
  constructor(private readonly prismaService: PrismaService) {}

  async dropDefault(table: string, column: string) {
    await this.prismaService.$executeRawUnsafe(dropDefaultSql(table, column));
  }

  async touch(columnId: string) {
    await this.prismaService.$executeRawUnsafe('UPDATE "column_meta" SET "updated_at" = now() WHERE "id" = $1', columnId);
  }
}
