// valid
const { R } = require('./db');

class Readings {
  static async latestFor(sensorID) {
    return await R.findOne('reading', ' id = (SELECT MAX(id) FROM reading WHERE sensor_id = ?) ', [sensorID]);
  }

  static async countFor(sensorID) {
    return await R.count('reading', ' sensor_id = ? ', [sensorID]);
  }
}

module.exports = Readings;
