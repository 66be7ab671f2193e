// valid
const http = require('http')
const express = require('express')

/* global HUB */

module.exports = () => {
  const app = express()
  app.use(express.json())

  /** The installer's last step: it stops the installer's own server, so it runs once per install. */
  app.post('/complete', async (req, res) => {
    await HUB.plugins.themes.syncThemesFromFolder()
    res.json({ ok: true })
    HUB.installer.close(() => {
      HUB.kernel.bootMain()
    })
  })

  HUB.installer = http.createServer(app)
  HUB.installer.listen(HUB.config.port)
}
