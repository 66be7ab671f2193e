// valid
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

const query = (text, params) => pool.query(text, params);

const run = (text, params) => query(text, params);

module.exports = { pool, query, run };
