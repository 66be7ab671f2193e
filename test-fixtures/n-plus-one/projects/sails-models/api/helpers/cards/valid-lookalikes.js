// valid
module.exports = {
  inputs: {
    ids: { type: 'json', required: true },
  },

  async fn(inputs) {
    // One statement for every id: Waterline's `in` by array.
    await Card.update({ id: inputs.ids }).set({ position: 0 });
    await Card.destroy({ id: inputs.ids });

    // A model's definition is read in memory.
    for (const id of inputs.ids) sails.log.info(Card.attributes.name.type, id);
    // Constants a model file exports, and a helper of the query methods that runs no query.
    const colors = inputs.ids.map((id) => Label.COLORS.find((color) => color === id) || Card.Types.PROJECT);
    for (const row of inputs.ids) colors.push(Card.qm.transformRowToModel(row));
    // A global that no model file defines: a service of the app.
    const drafts = inputs.ids.map((id) => MailService.create({ to: id }));

    // A name the file declares is not the global.
    const Label = { find: async (id) => id };
    for (const id of inputs.ids) await Label.find(id);
    return [drafts, colors];
  },
};
