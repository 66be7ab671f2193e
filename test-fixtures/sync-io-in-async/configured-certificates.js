// Certificates for a database client, named by the configuration the connection is handed or falls back to; next to them, a
// file named by what a request sends, and one named by a parameter nothing configures.
const fs = require('fs');
const nconf = require('nconf');
const { Pool } = require('pg');

const connection = module.exports;

connection.options = function (settings) {
  settings = settings || nconf.get('postgres');
  const options = { host: settings.host, ssl: false };
  if (settings.ssl && typeof settings.ssl === 'object') {
    const { ssl } = settings;
    options.ssl = {};
    ['ca', 'key', 'cert'].forEach((name) => {
      if (ssl[name]) options.ssl[name] = fs.readFileSync(ssl[name]).toString();
    });
  }
  return options;
};

connection.connect = async function (settings) {
  const pool = new Pool(connection.options(settings));
  await pool.connect();
  return pool;
};

connection.replica = async function (settings = nconf.get('replica')) {
  const { tls } = settings;
  return new Pool({ host: settings.host, ssl: { ca: fs.readFileSync(tls.ca) } });
};

connection.importDump = async function (upload) {
  const text = fs.readFileSync(upload.path, 'utf8');
  //           ^^^^^^^^^^^^^^^ sync-io-in-async
  return text.length;
};
