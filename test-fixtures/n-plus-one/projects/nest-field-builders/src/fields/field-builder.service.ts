// valid
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service';

export interface FieldInput {
  name: string;
  kind: 'text' | 'lookup';
  linkFieldId?: string;
}

@Injectable()
export class FieldBuilderService {
  constructor(private readonly prisma: PrismaService) {}

  /** What a lookup field copies from the field it follows: only lookup fields read it. */
  private async lookupOptions(input: FieldInput) {
    const link = await this.prisma.field.findFirst({ where: { id: input.linkFieldId } });
    return { ...input, options: link?.options };
  }

  private async shapeOf(input: FieldInput) {
    if (input.kind === 'lookup') return this.lookupOptions(input);
    return { ...input, options: {} };
  }

  /** The name a new field gets in its table: its own, or with a number when the table has it already. */
  private async freeName(tableId: string, name: string) {
    const taken = await this.prisma.field.findMany({ where: { tableId, name: { startsWith: name } }, select: { name: true } });
    return taken.length === 0 ? name : `${name} ${taken.length + 1}`;
  }

  async prepare(tableId: string, input: FieldInput) {
    const shape = await this.shapeOf(input);
    return { ...shape, name: await this.freeName(tableId, input.name) };
  }

  /** Adds the column of a field to its table and fills it: the statements name the column, so they are built per call. */
  async addColumn(tableName: string, fieldId: string) {
    const field = await this.prisma.field.findUnique({ where: { id: fieldId } });
    if (!field) return;
    const statements = [
      `ALTER TABLE "${tableName}" ADD COLUMN "${field.dbName}" text`,
      `UPDATE "${tableName}" SET "${field.dbName}" = '${field.defaultValue ?? ''}'`,
    ];
    for (const statement of statements) await this.prisma.$executeRawUnsafe(statement);
  }
}
