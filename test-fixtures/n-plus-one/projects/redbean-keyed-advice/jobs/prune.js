const { R } = require('../lib/db');
const Readings = require('../lib/readings');

async function pruneReadings(keep) {
  const sensors = await R.getAll('SELECT id FROM sensor');
  for (const sensor of sensors) {
    await R.exec(
//        ^^^^^^ n-plus-one
      `DELETE FROM reading
       WHERE sensor_id = ?
       AND id NOT IN (SELECT id FROM (SELECT id FROM reading WHERE sensor_id = ? ORDER BY taken_at DESC LIMIT ?) AS kept)`,
      [sensor.id, sensor.id, keep],
    );
  }
}

async function pruneOlderThan(sensorIDs, cutoff) {
  for (const sensorID of sensorIDs) {
    await R.exec('DELETE FROM reading WHERE sensor_id = ? AND taken_at < ?', [sensorID, cutoff]);
//        ^^^^^^ n-plus-one
  }
}

async function dashboard(sensors) {
  const rows = [];
  for (const sensor of sensors) {
    rows.push({ sensor, latest: await Readings.latestFor(sensor.id), count: await Readings.countFor(sensor.id) });
//                                    ^^^^^^^^^^^^^^^^^^ n-plus-one
//                                                                                ^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return rows;
}

module.exports = { pruneReadings, pruneOlderThan, dashboard };
