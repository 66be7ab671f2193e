// valid
module.exports = (sequelize, DataTypes) => sequelize.define('t_room', { id: { type: DataTypes.UUID, primaryKey: true }, name: DataTypes.STRING });
