const pgp = require('pg-promise')();

const db = pgp(process.env.DATABASE_URL);

exports.removeInvites = async (ids) => {
  for (const id of ids) {
    await db.result('DELETE FROM invites WHERE id = $1', [id]);
//        ^^^^^^^^^ n-plus-one
  }
};
