// valid
const COLORS = ['berry-red', 'pumpkin-orange', 'lagoon-blue'];

module.exports = {
  COLORS,
  tableName: 'label',
  attributes: {
    name: { type: 'string' },
    color: { type: 'string' },
    cards: { collection: 'Card', via: 'labels' },
  },
};
