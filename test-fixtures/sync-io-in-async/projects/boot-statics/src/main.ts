// valid
import express from 'express';
import knex from 'knex';
import { Templates } from './templates';

const app = express();
const db = knex({ client: 'sqlite3', connection: { filename: 'data/app.sqlite' } });

app.get('/pages/:name', async (req, res) => {
  res.send(await Templates.render(req.params.name, 'Welcome'));
});

async function bootstrapPages(): Promise<void> {
  await db.migrate.latest();
  await Templates.preload(['home', 'about']);
  app.listen(3001);
}

void bootstrapPages();
