// valid
import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';
import { parseShelfData } from './shelf-data';

@Injectable()
export class ShelfService {
  constructor(private readonly prisma: PrismaService) {}

  private toShelf(row: { id: string; title: string; data: string | null }) {
    const data = parseShelfData(row.data);
    return { id: row.id, title: row.title, data };
  }

  async getShelf(shelfId: string) {
    return this.prisma.shelf.findUnique({ where: { id: shelfId } });
  }

  async getParentShelf(shelfId: string) {
    const shelf = await this.prisma.shelf.findUnique({ where: { id: shelfId }, include: { parent: true } });
    if (!shelf?.parent) return null;
    return this.toShelf(shelf.parent);
  }

  async getLabelOfShelf(shelfId: string) {
    const shelf = await this.prisma.shelf.findUnique({ where: { id: shelfId } });
    if (!shelf) return null;
    return this.prisma.label.findUnique({ where: { id: shelf.labelId } });
  }

  async getCuratorOfShelf(shelfId: string) {
    return this.prisma.curator.findUniqueOrThrow({ where: { shelfId } });
  }

  async getShelfWithBooks(shelfId: string) {
    const shelf = await this.prisma.shelf.findUnique({ where: { id: shelfId } });
    const books = await this.prisma.book.findMany({ where: { shelfId } });
    return { ...shelf, books };
  }

  async listBooks(shelfId: string) {
    return this.prisma.book.findMany({ where: { shelfId } });
  }
}
