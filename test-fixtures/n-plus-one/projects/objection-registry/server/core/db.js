// valid
const MODEL_NAMES = ['connectors', 'labels'];

module.exports = {
  init() {
    const models = {};
    for (const name of MODEL_NAMES) {
      models[name] = require(`../models/${name}`);
    }
    return models;
  },
};
