const knex = require('../db/knex');
const Person = require('../models/Person');

async function withPets(ids) {
  const people = [];
  for (const id of ids) {
    people.push(await Person.query().findById(id));
//                    ^^^^^^^^^^^^ n-plus-one
  }
  for (const person of people) {
    person.pets = await knex('pets').where('owner_id', person.id);
//                      ^^^^ n-plus-one
  }
  return people;
}

async function batched(ids) {
  return Person.query().whereIn('id', ids).withGraphFetched('pets');
}

module.exports = { withPets, batched };
