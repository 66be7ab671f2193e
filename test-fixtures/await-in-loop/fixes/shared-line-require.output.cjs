const { readFile } = require('node:fs/promises')

/* global REGISTRY */;const pMap = require('p-map');

REGISTRY.ready = true

async function manifests(dirs) {
  const result = []
  const dirList = [...dirs]
  const readFileResults = await pMap(dirList, (dir) => readFile(`${dir}/package.json`, 'utf8'), { concurrency: 4 })
  for (const [index, dir] of dirList.entries()) {
    result.push(JSON.parse(readFileResults[index]))
  }
  return result
}

module.exports = { manifests }
