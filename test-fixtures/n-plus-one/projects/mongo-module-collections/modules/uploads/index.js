// valid: the collections are only read once, and the other handles looked up per item hold no collection.
module.exports = {
  init(self) {
    // A registry of collection definitions, not a MongoDB collection: its `findOne` looks in memory.
    self.registry = self.app.db.collection(definitionsFrom(self.options));
    self.sessions = new Map();
  },
  methods(self) {
    return {
      async accepted(files) {
        const known = await self.app.attachment.db.find({ _id: { $in: files.map((file) => file.id) } }).toArray();
        return files.filter((file) => known.some((row) => row._id === file.id));
      },
      describe(names) {
        return names.map((name) => self.registry.findOne(name));
      },
      owners(files) {
        return files.map((file) => self.sessions.get(file.sessionId));
      },
    };
  },
};

function definitionsFrom(options) {
  return { name: options.name, fields: options.fields || [] };
}
