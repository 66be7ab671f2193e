// valid
const express = require('express')

/* global APP */

const router = express.Router()

router.post('/themes/reload', async (req, res) => {
  await APP.models.themes.refreshThemesFromDisk()
  res.sendStatus(204)
})

setInterval(() => APP.localization.refreshNamespaceCache(), 60 * 60 * 1000)

module.exports = router
