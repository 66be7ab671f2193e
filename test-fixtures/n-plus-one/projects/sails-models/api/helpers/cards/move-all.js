module.exports = {
  inputs: {
    ids: { type: 'json', required: true },
    listId: { type: 'string', required: true },
    labels: { type: 'json', defaultsTo: [] },
  },

  async fn(inputs) {
    for (const id of inputs.ids) {
      await Card.updateOne({ id }).set({ list: inputs.listId });
//          ^^^^^^^^^^^^^^ n-plus-one
    }

    const created = await Promise.all(inputs.labels.map((label) => Label.create(label).fetch()));
//                                                                 ^^^^^^^^^^^^ n-plus-one

    const cards = await Card.find({ id: inputs.ids }).populate('labels');
    // An array's own find, in memory.
    return inputs.ids.map((id) => cards.find((card) => card.id === id) || created[0]);
  },
};
