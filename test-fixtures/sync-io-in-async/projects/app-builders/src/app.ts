// valid
import express, { type Express } from 'express';
import { loadIndexHtml } from './util/index-html';
import { renderReport } from './util/reports';

// Builds the app once: what it awaits, it awaits before the first request.
export default async function buildApp(publicDir: string): Promise<Express> {
  const app = express();
  const indexHtml = await loadIndexHtml(publicDir, '/app');
  app.use(express.static(publicDir));
  app.get('/reports/:id', async (req, res) => {
    res.send(await renderReport(req.params.id));
  });
  app.get('*', (req, res) => {
    res.send(indexHtml);
  });
  return app;
}
