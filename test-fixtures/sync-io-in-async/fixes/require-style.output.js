const fs = require('fs');
const fsp = require('fs').promises;
const { readdirSync, unlinkSync } = require('fs');

async function cleanUp(dir) {
  const names = await fsp.readdir(dir);
  for (const name of names.filter((entry) => entry.endsWith('.tmp'))) await fsp.unlink(`${dir}/${name}`);
  await fs.promises.rm(`${dir}/tmp`, { recursive: true, force: true });
  return fsp.readdir(dir);
}

module.exports = { cleanUp };
