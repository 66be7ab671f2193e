// valid
const { R } = require('redbean-node');

R.setup('sqlite', { filename: './data.db' });

module.exports = { R };
