const fs = require('fs');
const fsp = require('fs').promises;
const { readdirSync, unlinkSync } = require('fs');

async function cleanUp(dir) {
  const names = readdirSync(dir);
  for (const name of names.filter((entry) => entry.endsWith('.tmp'))) unlinkSync(`${dir}/${name}`);
  fs.rmSync(`${dir}/tmp`, { recursive: true, force: true });
  return fsp.readdir(dir);
}

module.exports = { cleanUp };
