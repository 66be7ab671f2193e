// valid
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service';
import { labelSchema, renameSchema } from './label-schemas';

export interface Label {
  name: string;
  color?: string;
}

@Injectable()
export class LabelService {
  constructor(private readonly prisma: PrismaService) {}

  /** Checks the board, validates the label in process, then writes it. */
  async attach(boardId: string, label: Label) {
    const board = await this.prisma.board.findUnique({ where: { id: boardId } });
    if (!board) throw new Error(`no board ${boardId}`);
    const valid: Label = await labelSchema.validateAsync(label);
    await this.prisma.boardLabel.create({ data: { boardId, name: valid.name, color: valid.color } });
  }

  async rename(id: string, input: unknown) {
    const { name } = await renameSchema.parseAsync(input);
    return this.prisma.label.update({ where: { id }, data: { name } });
  }

  /** Tells the design service first: the loop waits on that call as much as on the write. */
  async publish(label: Label) {
    await fetch('https://design.example.com/labels', { method: 'POST', body: JSON.stringify(label) });
    await this.prisma.label.create({ data: label });
  }

  /** Reads the child's links only: the parent is checked by the caller. */
  async linksOf(child: string, parent: string) {
    const links = await this.prisma.labelLink.findMany({ where: { child } });
    return links.some((link) => link.parent === parent);
  }

  async count() {
    return this.prisma.label.count();
  }
}
