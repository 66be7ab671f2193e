// valid
const { R } = require('redbean-node');

R.setup('sqlite', { filename: './kennel.db' });

module.exports = { R };
