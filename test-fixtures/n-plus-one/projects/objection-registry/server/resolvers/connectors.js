module.exports = {
  async updateConnectors(parent, args) {
    for (const connector of args.connectors) {
      await APP.models.connectors.query().patch({ isEnabled: connector.isEnabled, config: connector.config }).where('key', connector.key);
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return { ok: true };
  },

  async removeConnectors(parent, args) {
    for (const key of args.keys) {
      await APP.models.connectors.query().where('key', key).del();
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  },

  async labelsOf(parent, args) {
    return Promise.all(args.labelIds.map((id) => APP.models.labels.query().findById(id)));
//                                               ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  },

  async createLabels(parent, args) {
    const created = [];
    for (const text of args.texts) {
      created.push(await APP.models.labels.query().insert({ text }));
//                       ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return created;
  },

  async enabledLabels(parent, args) {
    return APP.models.labels.query().whereIn('id', args.labelIds);
  },

  async refetch(parent, args, context) {
    return args.names.map((name) => context.apollo.query({ query: name }).then((result) => result.data));
  },
};
