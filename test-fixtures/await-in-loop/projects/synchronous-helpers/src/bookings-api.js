// valid
// The bookings service's HTTP client.
const axios = require('axios');

const client = axios.create({ baseURL: process.env.BOOKINGS_URL });

async function get(path) {
  const response = await client.get(path);
  return response.data;
}

module.exports = { get };
