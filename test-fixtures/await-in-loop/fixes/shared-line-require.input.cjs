const { readFile } = require('node:fs/promises')

/* global REGISTRY */;REGISTRY.ready = true

async function manifests(dirs) {
  const result = []
  for (const dir of dirs) {
    result.push(JSON.parse(await readFile(`${dir}/package.json`, 'utf8')))
  }
  return result
}

module.exports = { manifests }
