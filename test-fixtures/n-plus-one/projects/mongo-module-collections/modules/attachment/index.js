// Each module gets `self`, and reaches the others through `self.app`: `self.app.attachment.db` is the collection set below.
module.exports = {
  options: { alias: 'attachment' },
  async init(self) {
    self.db = await self.app.db.collection('attachments');
    await self.db.createIndex({ docIds: 1 });
  },
  methods(self) {
    return {
      async markUsed(ids, docId) {
        for (const id of ids) {
          await self.db.updateOne({ _id: id }, { $addToSet: { docIds: docId } });
//              ^^^^^^^^^^^^^^^^^ n-plus-one
        }
      },
      async findOne(id) {
        return self.db.findOne({ _id: id });
      },
    };
  },
};
