// valid
const Database = require('./database');

setInterval(() => {
  Database.prune().catch((error) => console.error(error));
}, 60 * 60 * 1000);
