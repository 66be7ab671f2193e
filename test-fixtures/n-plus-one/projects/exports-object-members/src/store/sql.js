// valid
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

const sql = module.exports;

sql.getMember = async function (id) {
  const { rows } = await pool.query('SELECT * FROM members WHERE id = $1', [id]);
  return rows[0];
};

sql.getMembers = async function (ids) {
  const { rows } = await pool.query('SELECT * FROM members WHERE id = ANY($1)', [ids]);
  return rows;
};

sql.memberLabel = function (member) {
  return `${member.name} <${member.email}>`;
};
