const fs = require('fs');
const fsp = require('fs').promises;
const { readdirSync, unlinkSync } = require('fs');

async function cleanUp(dir) {
  const names = readdirSync(dir);
  unlinkSync(`${dir}/${names[0]}`);
  fs.rmSync(`${dir}/tmp`, { recursive: true, force: true });
  return fsp.readdir(dir);
}

module.exports = { cleanUp };
