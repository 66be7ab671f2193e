// valid
const db = require('./index');

async function findUser(id) {
  const { rows } = await db.query('SELECT * FROM users WHERE id = $1', [id]);
  return rows[0];
}

const userEmail = (id) => db.query('SELECT email FROM users WHERE id = $1', [id]);

module.exports = { findUser, userEmail };
