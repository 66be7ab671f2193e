// valid
const http = require('http')
const express = require('express')

/* global HUB */

module.exports = () => {
  const app = express()
  const other = http.createServer()

  /** Any admin may call it at any time: it stops another server, not the one that serves it. */
  app.post('/widgets/reload', async (req, res) => {
    await HUB.plugins.widgets.syncWidgetsFromFolder()
    other.close()
    res.sendStatus(204)
  })

  HUB.server = http.createServer(app)
  HUB.server.listen(HUB.config.port)
}
