// valid
import { Injectable } from '@nestjs/common';
import { PrismaService } from '@acme/prisma-tools';

/** A service of another package that shares the name runs no query of its own. */
@Injectable()
export class PageService {
  constructor(private readonly prisma: PrismaService) {}

  async titles(pageIds: string[]) {
    const titles: string[] = [];
    for (const id of pageIds) {
      titles.push(await this.prisma.page.title(id));
    }
    return titles;
  }
}
