// valid
import express from 'express';
import TYPES from '../src/Bootstrap/Types';
import { loadContainer } from '../src/Bootstrap/Container';
import type { TagsController } from '../src/Controller/TagsController';

const container = loadContainer();
const app = express();
app.post('/tags', async (req, res) => {
  await container.get<TagsController>(TYPES.TagsController).rename(req.body);
  res.sendStatus(204);
});
app.listen(3000);
