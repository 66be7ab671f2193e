const { readFile } = require('node:fs/promises');
const pMap = require('p-map');

async function manifests(dirs) {
  const result = dirs.map(() => null);
  const names = dirs.slice();
  const texts = await pMap(names, (dir) => readFile(`${dir}/package.json`, 'utf8'), { concurrency: 4 });
  for (const [index, dir] of names.entries()) {
    const text = texts[index];
    result[names.indexOf(dir)] = JSON.parse(text);
  }
  return result;
}

module.exports = { manifests };
