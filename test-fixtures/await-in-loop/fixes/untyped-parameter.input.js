'use strict';

const { readFile } = require('node:fs/promises')

async function sizes(files) {
  const result = {}
  for (const file of files) {
    const text = await readFile(file, 'utf8')
    result[file] = text.length
    console.log(`${file}: ${text.length}`)
  }
  return result
}

module.exports = { sizes }
