import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

class ArchiveStore {
  async archiveOne(id: string) {
    return prisma.topic.update({ where: { id }, data: { archivedAt: new Date() } });
  }
}

export class TopicArchive extends ArchiveStore {
  async archiveAll(ids: string[]) {
    for (const id of ids) {
      await super.archiveOne(id);
//          ^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async archiveEach(ids: string[]) {
    for (const id of ids) {
      await this.archiveOne(id);
//          ^^^^^^^^^^^^^^^ n-plus-one
    }
  }
}
