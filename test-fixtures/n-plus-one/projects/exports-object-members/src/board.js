const sql = require('./store');
const cache = require('./store/cache');

async function memberCards(ids) {
  const cards = [];
  for (const id of ids) {
    const member = await sql.getMember(id);
//                       ^^^^^^^^^^^^^ n-plus-one
    cards.push(sql.memberLabel(member));
  }
  return cards;
}

async function memberLabels(ids) {
  const members = await sql.getMembers(ids);
  return members.map((member) => sql.memberLabel(member));
}

async function threadHashes(tids) {
  return await Promise.all(tids.map((tid) => cache.readHash(cache.hashKey('thread', tid))));
//                                           ^^^^^^^^^^^^^^ n-plus-one
}

function threadKeys(tids) {
  return tids.map((tid) => cache.hashKey('thread', tid));
}

module.exports = { memberCards, memberLabels, threadHashes, threadKeys };
