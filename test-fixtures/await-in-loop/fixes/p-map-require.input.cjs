const { readFile } = require('node:fs/promises');

async function manifests(dirs) {
  const result = dirs.map(() => null);
  const names = dirs.slice();
  for (const dir of names) {
    const text = await readFile(`${dir}/package.json`, 'utf8');
    result[names.indexOf(dir)] = JSON.parse(text);
  }
  return result;
}

module.exports = { manifests };
