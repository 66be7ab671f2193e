// valid
/* global APP */

module.exports = {
  async init() {
    APP.models = require('../models')
    await this.postBootMaster()
  },
  /** Runs once, after the server started: what it calls, through the registry, runs as often as the application starts. */
  async postBootMaster() {
    await APP.models.locales.refreshLocalesFromDisk()
    await APP.models.themes.refreshThemesFromDisk()
    await APP.localization.loadAllNamespaces()
  },
}
