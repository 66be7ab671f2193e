// valid
module.exports = {
  tableName: 'label',
  attributes: {
    name: { type: 'string' },
    color: { type: 'string' },
    cards: { collection: 'Card', via: 'labels' },
  },
};
