const { Catalog } = require('./catalog');
const { run } = require('./db');

const catalog = Catalog.getInstance();

async function moveShelves(socket, shelves) {
  for (const shelf of shelves) {
    await catalog.pushShelf(socket, shelf.id);
//        ^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

function announceShelves(socket, shelves) {
  for (const shelf of shelves) {
    catalog.announce(socket, shelf.id);
  }
}

async function analyzeTables(tables) {
  for (const table of tables) {
    await run(`ANALYZE ${table}`);
  }
}

module.exports = { moveShelves, announceShelves, analyzeTables };
