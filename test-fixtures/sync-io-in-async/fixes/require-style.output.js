const fs = require('fs');
const fsp = require('fs').promises;
const { readdirSync, unlinkSync } = require('fs');

async function cleanUp(dir) {
  const names = await fsp.readdir(dir);
  await fsp.unlink(`${dir}/${names[0]}`);
  await fs.promises.rm(`${dir}/tmp`, { recursive: true, force: true });
  return fsp.readdir(dir);
}

module.exports = { cleanUp };
