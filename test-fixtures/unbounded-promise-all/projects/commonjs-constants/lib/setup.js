const axios = require('axios');
const { MQTT_SETTINGS } = require('./constants');
const { DEFAULT_ROOMS } = require('./rooms');
const { loadRegisteredHubs } = require('./hubs');

// One call per setting the constants module writes out.
async function saveSettings(variable, values) {
  await Promise.all(MQTT_SETTINGS.filter((key) => values[key] !== undefined).map((key) => variable.setValue(key, values[key])));
  await Promise.all(DEFAULT_ROOMS.map((room) => axios.post('/api/rooms', { room })));
}

// One call per hub the network returned.
async function pingHubs() {
  const hubs = await loadRegisteredHubs();
  await Promise.all(hubs.map((hub) => axios.get(`${hub.url}/ping`)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

module.exports = { saveSettings, pingHubs };
