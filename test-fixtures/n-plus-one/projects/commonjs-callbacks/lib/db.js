'use strict';
const Sequelize = require('sequelize');

const sequelize = new Sequelize(process.env.DATABASE_URL);

const User = sequelize.define('User', {
  name: Sequelize.STRING,
  history: Sequelize.TEXT,
});

function loadNames(ids) {
  return ids.map(function (id) {
    return User.findByPk(id).then((user) => user && user.name);
//         ^^^^^^^^^^^^^ n-plus-one
  });
}

module.exports = { sequelize, User, loadNames };
