const { readFile } = require("node:fs/promises")
const { mapWithConcurrency } = require("./lib/concurrency.cjs")

async function sizes(paths) {
  const out = []
  const pathList = [...paths]
  const pendingTexts = mapWithConcurrency(pathList, 8, (path) => readFile(path, "utf8"))
  for (const [index, path] of pathList.entries()) {
    const text = await pendingTexts[index]
    out.push(text.length)
  }
  return out
}

module.exports = { sizes }
