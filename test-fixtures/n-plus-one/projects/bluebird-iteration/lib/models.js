// valid
const { DataTypes, Model, Sequelize } = require('sequelize');

const sequelize = new Sequelize(process.env.DATABASE_URL);

class Sensor extends Model {}
Sensor.init({ name: DataTypes.STRING, roomId: DataTypes.INTEGER }, { sequelize, tableName: 't_sensor' });

class Reading extends Model {}
Reading.init({ sensorId: DataTypes.INTEGER, value: DataTypes.FLOAT }, { sequelize, tableName: 't_reading' });

module.exports = { sequelize, Sensor, Reading };
