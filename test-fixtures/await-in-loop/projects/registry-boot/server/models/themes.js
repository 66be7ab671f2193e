const fs = require('fs/promises')
const path = require('path')

/* global APP */

module.exports = class Theme {
  /** Called at boot, and again by an admin request. */
  static async refreshThemesFromDisk() {
    const folders = await fs.readdir(path.join(APP.SERVERPATH, 'themes'))
    const themes = []
    for (const folder of folders) {
      const def = await fs.readFile(path.join(APP.SERVERPATH, 'themes', folder, 'theme.json'), 'utf8')
//                ^^^^^ await-in-loop
      themes.push(JSON.parse(def))
    }
    APP.data.themes = themes
  }
}
