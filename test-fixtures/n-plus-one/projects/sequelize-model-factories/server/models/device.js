// valid
module.exports = (sequelize, DataTypes) => {
  const device = sequelize.define('t_device', {
    id: { type: DataTypes.UUID, primaryKey: true },
    room_id: DataTypes.UUID,
    name: DataTypes.STRING,
  });
  return device;
};
