// A module named for boot sets the application up once; a request handler it registers still counts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import express from 'express';

declare function buildApiDocument(): Promise<object>;

export async function setUpAppMiddleware(app: express.Express): Promise<void> {
  const document = await buildApiDocument();
  fs.writeFileSync(path.join(__dirname, 'openapi.json'), JSON.stringify(document));
  app.get('/docs/:page', (req, res) => {
    res.send(fs.readFileSync(path.join(__dirname, 'docs', req.params.page), 'utf8'));
    //       ^^^^^^^^^^^^^^^ sync-io-in-async
  });
}
