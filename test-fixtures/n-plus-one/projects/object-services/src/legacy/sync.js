const localization = require('./localization');

async function syncLocales(locales) {
  for (const locale of locales) {
    await localization.loadLocale(locale);
//        ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

module.exports = { syncLocales };
