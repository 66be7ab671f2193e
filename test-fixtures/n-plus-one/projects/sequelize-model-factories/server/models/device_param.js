// valid
const { Model } = require('sequelize');

module.exports = (sequelize, DataTypes) => {
  class DeviceParam extends Model {}
  DeviceParam.init({ device_id: DataTypes.UUID, name: DataTypes.STRING, value: DataTypes.TEXT }, { sequelize, tableName: 't_device_param' });
  return DeviceParam;
};
