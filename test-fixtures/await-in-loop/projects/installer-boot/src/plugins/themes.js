// valid
const fs = require('fs/promises')
const path = require('path')

/* global HUB */

module.exports = class Theme {
  /** Called at boot and by the installer's last step, which stops its server: both run once. */
  static async syncThemesFromFolder() {
    const folders = await fs.readdir(path.join(HUB.ROOT, 'themes'))
    for (const folder of folders) {
      const manifest = await fs.readFile(path.join(HUB.ROOT, 'themes', folder, 'manifest.json'), 'utf8')
      await HUB.db.themes.upsert(JSON.parse(manifest))
    }
  }
}
