// valid
const Model = require('objection').Model;

module.exports = class Connector extends Model {
  static get tableName() {
    return 'connectors';
  }

  static async enabledKeys() {
    const rows = await APP.models.connectors.query().select('key').where('isEnabled', true);
    return rows.map((row) => row.key);
  }
};
