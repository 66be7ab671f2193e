// valid
const MQTT_SETTINGS = ['MQTT_URL', 'MQTT_USERNAME', 'MQTT_PASSWORD', 'MQTT_CLIENT_ID'];

module.exports = { MQTT_SETTINGS };
