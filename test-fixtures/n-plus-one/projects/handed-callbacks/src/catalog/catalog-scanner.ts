import { prisma } from '../db';

interface CatalogEntry {
  externalId: number;
  title: string;
}

abstract class LibraryScanner<T> {
  protected entries: T[] = [];
  protected pageSize = 50;

  protected async scanAll(processEntry: (entry: T) => Promise<void>, start = 0): Promise<void> {
    if (start >= this.entries.length) return;
    await this.processPage(processEntry, this.entries.slice(start, start + this.pageSize));
    await this.scanAll(processEntry, start + this.pageSize);
  }

  private async processPage(processEntry: (entry: T) => Promise<void>, page: T[]): Promise<void> {
    await Promise.all(page.map(async (entry) => processEntry(entry)));
  }

  protected async withRetry(attempt: () => Promise<void>): Promise<void> {
    for (let tried = 0; tried < 3; tried++) {
      try {
        return await attempt();
      } catch {
        continue;
      }
    }
  }
}

export class CatalogScanner extends LibraryScanner<CatalogEntry> {
  private async processEntry(entry: CatalogEntry): Promise<void> {
    const existing = await prisma.media.findFirst({ where: { externalId: entry.externalId } });
    if (!existing) await prisma.media.create({ data: { externalId: entry.externalId, title: entry.title } });
  }

  private async refreshIndex(): Promise<void> {
    await prisma.searchIndex.update({ where: { id: 1 }, data: { refreshedAt: new Date() } });
  }

  async run(): Promise<void> {
    await this.scanAll(this.processEntry.bind(this));
//                     ^^^^^^^^^^^^^^^^^ n-plus-one
    await this.withRetry(this.refreshIndex.bind(this));
  }
}
