// valid
import fp from 'fastify-plugin';
import knex from 'knex';

export default fp(async (app) => {
  app.decorate('warehouse', knex({ client: 'pg', connection: process.env.WAREHOUSE_URL }));
  app.decorate('rates', new Map<string, number>());
});
