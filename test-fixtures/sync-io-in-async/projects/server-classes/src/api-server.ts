// valid
import { Router } from 'express';
import { HttpServer } from './http-server';
import { allowedOrigins, setupLocales } from './middlewares';
import { ProviderRegistry } from './providers';

export class ApiServer extends HttpServer {
  async start(): Promise<void> {
    const api = Router();
    const languages = await setupLocales();
    api.get('/languages', (_req, res) => res.json(languages));
    await ProviderRegistry.discover();
    api.post('/providers/:name/refresh', async (req, res) => {
      await ProviderRegistry.refresh(req.params.name);
      res.sendStatus(204);
    });
    api.options('/:tenant/*', async (req, res) => {
      res.set('Access-Control-Allow-Origin', (await allowedOrigins(req.params.tenant)).join(' '));
      res.sendStatus(204);
    });
    this.app.use('/api', api);
    await super.start();
  }
}
