// valid
/**
 * Card.js
 *
 * @description :: A card of a list.
 */

module.exports = {
  attributes: {
    name: { type: 'string', required: true },
    position: { type: 'number' },
    list: { model: 'List', columnName: 'list_id' },
    labels: { collection: 'Label', via: 'cards' },
  },
};
