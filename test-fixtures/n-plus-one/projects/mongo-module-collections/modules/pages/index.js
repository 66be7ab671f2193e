module.exports = {
  options: { alias: 'pages' },
  init(self) {
    self.db = self.app.db.collection(self.options.collectionName);
  },
  methods(self) {
    return {
      async moveChildren(parent, children) {
        for (const child of children) {
          await self.app.pages.db.updateOne({ _id: child._id }, { $set: { path: `${parent.path}/${child.slug}` } });
//              ^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
        }
      },
      async childrenWithFiles(children) {
        return Promise.all(children.map((child) => self.app.attachment.db.find({ docIds: child._id }).toArray()));
//                                                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      },
    };
  },
};
