const pg = require('pg');

class EmbeddingStore {
  client() {
    return new pg.Client({ connectionString: process.env.EMBEDDINGS_URL });
  }

  async open() {
    const client = this.client();
    await client.connect();
    return client;
  }

  async removeVectors(vectorIds) {
    let connection = null;
    try {
      connection = await this.open();
      await connection.query('BEGIN');
      for (const vectorId of vectorIds)
        await connection.query('DELETE FROM embeddings WHERE id = $1', [vectorId]);
//            ^^^^^^^^^^^^^^^^ n-plus-one
      await connection.query('COMMIT');
    } finally {
      if (connection) await connection.end();
    }
  }

  async removeCollection(collection) {
    let connection;
    try {
      connection = await this.open();
      await connection.query('DELETE FROM embeddings WHERE collection = $1', [collection]);
    } finally {
      await connection?.end();
    }
  }
}

module.exports = { EmbeddingStore };
