// valid
module.exports = {
  locales: require('./locales'),
  themes: require('./themes'),
}
