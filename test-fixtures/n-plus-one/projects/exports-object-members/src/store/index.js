// valid
module.exports = require('./sql');
