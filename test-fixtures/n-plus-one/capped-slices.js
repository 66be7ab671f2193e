// A loop over a list cut to a small count written in the code (`.slice(0, this.MAX_PINNED)`, the free slots under such a
// cap) runs its query a few times at most, whatever the list held. A cap passed in, or one of hundreds, does not bound it.
const { PrismaClient } = require("@prisma/client");

const prisma = new PrismaClient();

const MAX_TAGS = 10;

const Bookmark = {
  MAX_PINNED: 12,

  pin: async function (userId, bookmarks = []) {
    await prisma.$transaction(async (tx) => {
      for (const bookmark of bookmarks.slice(0, this.MAX_PINNED)) {
        await tx.pinned_bookmarks.create({ data: { userId, bookmarkId: bookmark.id } });
      }
    });
  },

  pinMore: async function (userId, bookmarks = []) {
    const pinned = await prisma.pinned_bookmarks.count({ where: { userId } });
    const free = Math.max(0, this.MAX_PINNED - pinned);
    const added = bookmarks.filter((bookmark) => !bookmark.archived).slice(0, free);
    const result = { added: 0 };
    for (const bookmark of added) {
      await prisma.pinned_bookmarks.create({ data: { userId, bookmarkId: bookmark.id } });
    }
    result.added = added.length;
    return result;
  },

  tag: async function (bookmarkId, names = []) {
    for (const name of names.slice(0, MAX_TAGS)) {
      await prisma.bookmark_tags.create({ data: { bookmarkId, name } });
    }
  },

  importPage: async function (userId, rows = [], pageSize = 50) {
    for (const row of rows.slice(0, pageSize)) {
      await prisma.bookmarks.create({ data: { userId, url: row.url } });
//          ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  },

  importBatch: async function (userId, rows = []) {
    for (const row of rows.slice(0, 500)) {
      await prisma.bookmarks.create({ data: { userId, url: row.url } });
//          ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  },
};

module.exports = { Bookmark };
