// valid
const Sequelize = require('sequelize');
const getConfig = require('../config');

const sequelize = new Sequelize('main', null, null, getConfig());

const DeviceModel = require('./device');
const DeviceParamModel = require('./device_param');

const models = {
  Device: DeviceModel(sequelize, Sequelize),
  DeviceParam: DeviceParamModel(sequelize, Sequelize),
};

const db = {
  ...models,
  sequelize,
};

db.Room = require('./room')(sequelize, Sequelize);

module.exports = db;
