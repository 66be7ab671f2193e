const fs = require('node:fs/promises');

async function sizeOf(file) {
  const stat = await fs.stat(file);
  return stat.size;
}

async function totalSize(files) {
  const sizes = await Promise.all(files.map(sizeOf));
  return sizes.reduce((sum, size) => sum + size, 0);
}

module.exports = { totalSize };
