// valid
const fs = require('fs/promises')
const path = require('path')

/* global APP */

module.exports = class Locale {
  /** Called only from the kernel's post-boot sequence, through the global registry. */
  static async refreshLocalesFromDisk() {
    const folders = await fs.readdir(path.join(APP.SERVERPATH, 'locales'))
    const locales = []
    for (const folder of folders) {
      const def = await fs.readFile(path.join(APP.SERVERPATH, 'locales', folder, 'locale.json'), 'utf8')
      locales.push(JSON.parse(def))
    }
    APP.data.locales = locales
  }
}
