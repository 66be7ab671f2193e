module.exports = {
  inputs: {
    repositions: { type: 'json', required: true },
  },

  async fn(inputs) {
    // The query methods the project keeps on a model run one statement each.
    for (const { id, position } of inputs.repositions) {
      await Card.qm.updateOne({ id }, { position });
//          ^^^^^^^^^^^^^^^^^ n-plus-one
    }

    for (const id of inputs.repositions.map((reposition) => reposition.id)) {
      const card = await sails.models.card.findOne({ id });
//                       ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      sails.log.info(card.name);
    }
  },
};
