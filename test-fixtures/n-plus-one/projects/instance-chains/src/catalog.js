const { pool } = require('./db');

class Catalog {
  static instance = null;

  static getInstance() {
    if (Catalog.instance == null) {
      Catalog.instance = new Catalog();
    }
    return Catalog.instance;
  }

  async pushShelf(socket, shelfId) {
    const shelves = await this.shelfList(socket.userId, shelfId);
    socket.emit('shelf', shelves);
  }

  async shelfList(userId, shelfId) {
    const { rows } = await pool.query('SELECT * FROM shelf WHERE owner_id = $1 AND id = $2', [userId, shelfId]);
    return rows;
  }

  announce(socket, shelfId) {
    socket.emit('shelfChanged', shelfId);
  }

  static async parentOf(shelfId) {
    return await pool.query('SELECT parent.* FROM shelf parent JOIN shelf child ON child.parent_id = parent.id WHERE child.id = $1', [shelfId]);
  }

  static async isListed(shelfId, listed) {
    const parent = await Catalog.parentOf(shelfId);
    return listed && parent.rows.length > 0;
  }

  static async listedFlags(shelves) {
    return Promise.all(shelves.map((shelf) => Catalog.isListed(shelf.id, shelf.listed)));
//                                            ^^^^^^^^^^^^^^^^ n-plus-one
  }
}

module.exports = { Catalog };
