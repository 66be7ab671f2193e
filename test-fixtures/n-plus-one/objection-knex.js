const Knex = require('knex');
const { Model } = require('objection');

const knex = Knex({ client: 'pg', connection: process.env.DATABASE_URL });
Model.knex(knex);

class Person extends Model {
  static get tableName() {
    return 'persons';
  }
}

async function petsOf(people) {
  const pets = [];
  for (const person of people) {
    pets.push(await person.$relatedQuery('pets'));
//                  ^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return pets;
}

async function parents(ids) {
  const parents = [];
  for (const id of ids) {
    parents.push(await Person.query().findById(id).withGraphFetched('parent'));
//                     ^^^^^^^^^^^^ n-plus-one
  }
  return parents;
}

async function emails(userIds) {
  const emails = [];
  for (const userId of userIds) {
    const row = await knex('users').where({ id: userId }).first('email');
//                    ^^^^ n-plus-one
    emails.push(row && row.email);
  }
  return emails;
}

async function batched(userIds) {
  const people = await Person.query().whereIn('id', userIds).withGraphFetched('pets');
  const rows = await knex('users').whereIn('id', userIds);
  return { people, rows };
}

// The builders are awaited together: each one is a query of its own.
async function lastLogins(userIds) {
  const queries = userIds.map((userId) => knex('logins').where({ userId }).orderBy('at', 'desc').first());
//                                        ^^^^ n-plus-one
  return Promise.all(queries);
}

module.exports = { petsOf, parents, emails, batched, lastLogins };
