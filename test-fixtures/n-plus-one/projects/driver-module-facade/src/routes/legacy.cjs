const db = require("../db/index.js");

async function loadFields(fieldIds) {
  const rows = [];
  for (const id of fieldIds) {
    rows.push(await db.select("_sc_fields", { id }));
//                  ^^^^^^^^^ n-plus-one
  }
  return rows;
}

module.exports = { loadFields };
