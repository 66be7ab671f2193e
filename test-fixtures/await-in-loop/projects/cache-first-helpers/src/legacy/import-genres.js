// Genres looked up through the catalog's in-memory index, which this lookup never fills: not reported. Refreshing each
// library's count awaits the database whenever the library is loaded, and each library's first look-up of its genre names
// loads them: both are reported.
const Catalog = require('./catalog')

async function genreIdsOf(libraryId, names) {
  const ids = []
  for (const name of names) {
    const id = await Catalog.genreIdByName(libraryId, name)
    if (id) ids.push(id)
  }
  return ids
}

async function refreshCounts(libraryIds) {
  for (const libraryId of libraryIds) {
    await Catalog.refreshGenreCount(libraryId)
//  ^^^^^ await-in-loop
  }
}

async function genreNamesOfAll(libraryIds) {
  const names = []
  for (const libraryId of libraryIds) {
    names.push(...(await Catalog.genreNamesOf(libraryId)))
//                 ^^^^^ await-in-loop
  }
  return names
}

module.exports = { genreIdsOf, genreNamesOfAll, refreshCounts }
