'use strict';

const { readFile } = require('node:fs/promises')

/** Starts `mapper` on each item in order, at most `limit` at a time; returns one promise per item. */
function mapWithConcurrency(items, limit, mapper) {
  const waiting = []
  let running = 0
  const promises = items.map((item, index) => new Promise((resolve, reject) => {
    waiting.push(() => {
      running++
      Promise.resolve().then(() => mapper(item, index)).then(resolve, reject).finally(() => {
        running--
        waiting.shift()?.()
      })
    })
  }))
  while (running < limit && waiting.length > 0) waiting.shift()()
  // Each error reaches the code that awaits its item; one never awaited must not end the process.
  for (const promise of promises) promise.catch(() => {})
  return promises
}

async function sizes(files) {
  const result = {}
  const fileList = Array.from(files)
  const pendingTexts = mapWithConcurrency(fileList, 8, (file) => readFile(file, 'utf8'))
  for (const [index, file] of fileList.entries()) {
    const text = await pendingTexts[index]
    result[file] = text.length
    console.log(`${file}: ${text.length}`)
  }
  return result
}

module.exports = { sizes }
