// valid
const fs = require('fs');
const path = require('path');

module.exports = {
  init() {
    const models = {};
    for (const file of fs.readdirSync(path.join(__dirname, '../models'))) {
      models[path.basename(file, '.js')] = require(path.join(__dirname, '../models', file));
    }
    return models;
  },
};
