const prisma = require('./db');

module.exports = {
  namespaces: ['common', 'admin'],

  async loadLocale(locale) {
    const row = await prisma.locale.findUnique({ where: { code: locale } });
    return row ? JSON.parse(row.strings) : {};
  },

  async refreshLocales(locales) {
    for (const locale of locales) {
      await this.loadLocale(locale);
//          ^^^^^^^^^^^^^^^ n-plus-one
    }
  },

  async mergeAll(locales) {
    const merged = {};
    for (const locale of locales) {
      Object.assign(merged, await this.parseBundle(locale));
    }
    return merged;
  },

  async parseBundle(locale) {
    return { locale };
  },
};
