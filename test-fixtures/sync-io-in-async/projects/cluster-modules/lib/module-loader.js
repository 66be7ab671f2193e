// valid
const fs = require('fs');
const path = require('path');

// Only the worker's start calls it, through the module's one export.
module.exports = async function (options) {
  const modules = {};
  for (const name of fs.readdirSync(options.modulesDir)) {
    const index = path.join(options.modulesDir, name, 'index.js');
    if (fs.existsSync(index)) modules[name] = require(index);
  }
  return modules;
};
