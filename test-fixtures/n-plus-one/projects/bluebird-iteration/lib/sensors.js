const Promise = require('bluebird');
const { Sensor, Reading } = require('./models');

async function saveSensors(roomId, sensors) {
  // Bluebird's map runs the callback for every item, all at once.
  await Promise.map(sensors, async (sensor) => {
    await Sensor.create({ name: sensor.name, roomId });
//        ^^^^^^^^^^^^^ n-plus-one
  });
}

async function renameSensors(sensors) {
  // each and mapSeries run it for every item, one after another.
  await Promise.each(sensors, async (sensor) => {
    await Sensor.update({ name: sensor.name }, { where: { id: sensor.id } });
//        ^^^^^^^^^^^^^ n-plus-one
  });
}

function latestReadings(sensors) {
  return Promise.mapSeries(sensors, (sensor) => Reading.findOne({ where: { sensorId: sensor.id }, order: [['id', 'DESC']] }));
//                                              ^^^^^^^^^^^^^^^ n-plus-one
}

function sensorsOfRooms(roomIds) {
  // A concurrency bound limits how many run at once, not how many run.
  return Promise.map(roomIds, (roomId) => Sensor.findAll({ where: { roomId } }), { concurrency: 4 });
//                                        ^^^^^^^^^^^^^^ n-plus-one
}

function describeSensors(sensors) {
  return Promise.map(sensors, async (sensor) => `${sensor.name} (${sensor.roomId})`);
}

module.exports = { saveSensors, renameSensors, latestReadings, sensorsOfRooms, describeSensors };

async function purgeReadings(batchCount) {
  // A callback that takes no item repeats one batched statement, a number of times.
  await Promise.each(new Array(batchCount), async () => {
    await Reading.destroy({ where: {}, limit: 1000 });
    await Promise.delay(100);
  });
}

module.exports.purgeReadings = purgeReadings;
