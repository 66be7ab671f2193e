// valid
import { ConflictException, Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { AuditService } from '../audit/audit.service';

@Injectable()
export class LabelService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  /** The label of a name, made when there is none yet. */
  async labelNamed(boardId: string, name: string) {
    const existing = await this.prisma.label.findFirst({ where: { boardId, name } });
    if (existing) return existing;
    return this.prisma.label.create({ data: { boardId, name } });
  }

  /** The same, with the create on a branch of its own. */
  async ensureLabel(boardId: string, name: string) {
    let label = await this.prisma.label.findFirst({ where: { boardId, name } });
    if (!label) {
      label = await this.prisma.label.create({ data: { boardId, name } });
    }
    return label;
  }

  /** Adds a label whose name must be new on its board. */
  async addLabel(boardId: string, name: string) {
    const taken = await this.prisma.label.findFirst({ where: { boardId, name } });
    if (taken) {
      throw new ConflictException(`${name} is taken`);
    }
    return this.prisma.label.create({ data: { boardId, name } });
  }

  /** Renames a label, recording the change when the name differs. */
  async rename(labelId: string, name: string): Promise<void> {
    const label = await this.prisma.label.findUniqueOrThrow({ where: { id: labelId } });
    if (label.name !== name) {
      await this.audit.record(labelId, `${label.name} -> ${name}`);
    }
  }

  /** Archives a label that is still live. */
  async archive(labelId: string): Promise<void> {
    const label = await this.prisma.label.findUniqueOrThrow({ where: { id: labelId } });
    await this.prisma.label.update({ where: { id: label.id }, data: { archivedAt: new Date() } });
  }

  /** How a label reads on a card. */
  async title(labelId: string): Promise<string> {
    const label = await this.prisma.label.findUniqueOrThrow({ where: { id: labelId }, select: { name: true } });
    return label.name;
  }
}
