// valid
// The catalog module hands out its one instance; each library's genres are kept in memory once it was loaded.
const { Sequelize } = require('sequelize')

class Catalog {
  constructor() {
    this.sequelize = new Sequelize(process.env.DATABASE_URL)
    this.byLibrary = {}
  }

  get genreModel() {
    return this.sequelize.models.genre
  }

  async genreIdByName(libraryId, name) {
    if (!this.byLibrary[libraryId]) {
      return (await this.genreModel.lookUp(libraryId, name))?.id || null
    }
    return this.byLibrary[libraryId].genres.find((genre) => genre.name === name)?.id || null
  }

  async refreshGenreCount(libraryId) {
    if (!this.byLibrary[libraryId]) return
    this.byLibrary[libraryId].genreCount = await this.genreModel.countFor(libraryId)
  }
}

module.exports = new Catalog()
