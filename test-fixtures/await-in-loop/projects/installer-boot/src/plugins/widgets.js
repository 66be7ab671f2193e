const fs = require('fs/promises')
const path = require('path')

/* global HUB */

module.exports = class Widget {
  /** Called at boot and again by an admin request. */
  static async syncWidgetsFromFolder() {
    const folders = await fs.readdir(path.join(HUB.ROOT, 'widgets'))
    for (const folder of folders) {
      const manifest = await fs.readFile(path.join(HUB.ROOT, 'widgets', folder, 'manifest.json'), 'utf8')
//                     ^^^^^ await-in-loop
      await HUB.db.widgets.upsert(JSON.parse(manifest))
    }
  }
}
