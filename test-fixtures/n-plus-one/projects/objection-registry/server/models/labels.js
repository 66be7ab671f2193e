// valid
const Model = require('objection').Model;

module.exports = class Label extends Model {
  static get tableName() {
    return 'labels';
  }
};
