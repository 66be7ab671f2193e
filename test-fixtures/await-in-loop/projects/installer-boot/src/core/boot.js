// valid
/* global HUB */

module.exports = {
  /** Runs once as the process starts: the first run serves the installer, later ones the application. */
  async bootMain() {
    if (HUB.config.needsInstall) {
      require('../installer')()
      return
    }
    await HUB.plugins.themes.syncThemesFromFolder()
    await HUB.plugins.widgets.syncWidgetsFromFolder()
  },
}
