// valid
const fs = require('node:fs');
const Store = require('../src/store');

async function compact() {
  await Store.open();
  const entries = JSON.parse(fs.readFileSync(Store.file, 'utf8'));
  fs.writeFileSync(Store.file, JSON.stringify(entries.filter((entry) => !entry.deleted)));
}

module.exports = { compact };
