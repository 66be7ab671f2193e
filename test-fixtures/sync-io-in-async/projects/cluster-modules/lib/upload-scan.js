const fs = require('fs');
const path = require('path');

// A timer calls it every hour while the site serves.
module.exports = async function (uploadsDir) {
  const stale = [];
  for (const name of fs.readdirSync(uploadsDir)) {
//                   ^^^^^^^^^^^^^^ sync-io-in-async
    if (Date.now() - fs.statSync(path.join(uploadsDir, name)).mtimeMs > 86_400_000) stale.push(name);
//                   ^^^^^^^^^^^ sync-io-in-async
  }
  return stale;
};
