// valid
const axios = require('axios');

async function loadRegisteredHubs() {
  const { data } = await axios.get('https://hubs.example.com/registered');
  return data;
}

module.exports = { loadRegisteredHubs };
