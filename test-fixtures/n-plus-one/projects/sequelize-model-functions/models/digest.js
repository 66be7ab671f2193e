// valid
const { DataTypes } = require('sequelize');

module.exports = (sequelize) => {
  const Digest = sequelize.define('Digest', {
    subscriberId: DataTypes.INTEGER,
    body: DataTypes.TEXT,
    deliveredAt: DataTypes.DATE,
  });

  Digest.queueFor = async function (subscriberId, body) {
    const digest = await Digest.create({ subscriberId, body });
    return digest;
  };

  Digest.prototype.markDelivered = async function () {
    this.deliveredAt = new Date();
    await this.save();
    return this;
  };

  Digest.prototype.isDelivered = function () {
    return this.deliveredAt !== null;
  };

  return Digest;
};
