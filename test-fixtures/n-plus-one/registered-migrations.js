const { PrismaClient } = require('@prisma/client');

const prisma = new PrismaClient();

module.exports = (app) => ({
  registerMigrations() {
    app.migration.add('backfill-slugs', async () => {
      const pages = await prisma.page.findMany({ where: { slug: null } });
      for (const page of pages) {
        await prisma.page.update({ where: { id: page.id }, data: { slug: page.title.toLowerCase() } });
      }
    });
    app.migrations.register('split-names', async () => {
      await app.migration.eachRow('user', async (user) => {
        for (const part of user.name.split(' ')) {
          await prisma.namePart.create({ data: { userId: user.id, part } });
        }
      });
    });
    app.migration.add('fix-ranks', this.fixRanksMigration);
  },

  async fixRanksMigration() {
    const pages = await prisma.page.findMany({ orderBy: { rank: 'asc' } });
    for (const [rank, page] of pages.entries()) {
      await prisma.page.update({ where: { id: page.id }, data: { rank } });
    }
  },

  registerJobs() {
    app.queue.add('reindex', async () => {
      const pages = await prisma.page.findMany();
      for (const page of pages) {
        await prisma.page.update({ where: { id: page.id }, data: { indexedAt: new Date() } });
//            ^^^^^^^^^^^^^^^^^^ n-plus-one
      }
    });
  },
});
