// Genres looked up through the catalog's in-memory index: not reported. Refreshing each library's count awaits the
// database whenever the library is loaded, and is reported.
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

module.exports = { genreIdsOf, refreshCounts }
