// valid
const { DataTypes } = require('sequelize');

module.exports = (sequelize) => {
  const Subscriber = sequelize.define('Subscriber', {
    email: DataTypes.STRING,
    plan: DataTypes.STRING,
  });

  Subscriber.planLabel = function (plan) {
    return plan === 'pro' ? 'Pro' : 'Free';
  };

  Subscriber.prototype.displayName = function () {
    return this.email.split('@')[0];
  };

  return Subscriber;
};
