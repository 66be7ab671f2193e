// valid
const { Sequelize } = require('sequelize');

const sequelize = new Sequelize(process.env.DATABASE_URL);
const Subscriber = require('./subscriber')(sequelize);
const Digest = require('./digest')(sequelize);

Subscriber.hasMany(Digest, { foreignKey: 'subscriberId' });

module.exports = { sequelize, Subscriber, Digest };
