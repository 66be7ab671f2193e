// A model object whose methods take lists that default to none: an empty default bounds nothing, a written-out one does.
const { PrismaClient } = require('@prisma/client');

const prisma = new PrismaClient();

const Attachment = {
  get: async function (clause = {}) {
    return prisma.attachment.findFirst({ where: clause });
  },

  detachAll: async function (message, fileNames = []) {
    for (const fileName of fileNames) {
      const attachment = await this.get({ messageId: message.id, fileName });
//                             ^^^^^^^^ n-plus-one
      if (!attachment) continue;
      console.log(`detached ${attachment.fileName}`);
    }
  },

  countByKind: async function (message, kinds = ['inline', 'file']) {
    const counts = {};
    for (const kind of kinds) {
      counts[kind] = await prisma.attachment.count({ where: { messageId: message.id, kind } });
    }
    return counts;
  },
};

module.exports = { Attachment };
