// valid
// The catalog module hands out its one instance; each library's genres are kept in memory once it was loaded,
// by the scanner or on a first look-up of all its genre names.
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

  async genreNamesOf(libraryId) {
    if (this.byLibrary[libraryId]) return this.byLibrary[libraryId].genres.map((genre) => genre.name)
    const genres = await this.genreModel.allFor(libraryId)
    this.byLibrary[libraryId] = { genres }
    return genres.map((genre) => genre.name)
  }

  async refreshGenreCount(libraryId) {
    if (!this.byLibrary[libraryId]) return
    this.byLibrary[libraryId].genreCount = await this.genreModel.countFor(libraryId)
  }
}

module.exports = new Catalog()
