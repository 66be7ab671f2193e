import express, { Router, type Request, type Response } from 'express';
import fs from 'node:fs';
import path from 'node:path';

// Read once at startup: the server is not serving anyone yet.
const config = JSON.parse(fs.readFileSync(path.join(__dirname, 'config.json'), 'utf8'));

const app = express();
const api = express.Router();
const admin = Router();

function renderPage(name: string): string {
  const template = fs.readFileSync(path.join(config.views, `${name}.html`), 'utf8');
  return template.replace('{{title}}', name);
}

app.get('/', (req, res) => {
  res.send(renderPage('home'));
//         ^^^^^^^^^^ sync-io-in-async
});

app.get('/download/:file', (req: Request, res: Response) => {
  const body = fs.readFileSync(path.join(config.files, req.params.file!));
//             ^^^^^^^^^^^^^^^ sync-io-in-async
  res.type('application/octet-stream').send(body);
});

api.post('/upload', async (req, res) => {
  fs.writeFileSync(path.join(config.uploads, String(req.query.name)), req.body);
//^^^^^^^^^^^^^^^^ sync-io-in-async
  res.sendStatus(201);
});

admin.use((req, res, next) => {
  if (!fs.existsSync(config.maintenanceFlag)) return next();
  res.status(503).send('maintenance');
});

app.route('/reports')
  .get((req, res) => {
    res.json(fs.readdirSync(config.reports));
//           ^^^^^^^^^^^^^^ sync-io-in-async
  });

function listLogs(req: Request, res: Response) {
  res.json(fs.readdirSync(config.logs));
//         ^^^^^^^^^^^^^^ sync-io-in-async
}
admin.get('/logs', listLogs);

app.use('/api', api);
app.use('/admin', admin);
app.listen(config.port);

const asyncHandler = (handle: (req: Request, res: Response) => unknown) => (req: Request, res: Response) => Promise.resolve(handle(req, res));

admin.get('/config', asyncHandler((req, res) => res.json(JSON.parse(fs.readFileSync(config.file, 'utf8')))));
//                                                                  ^^^^^^^^^^^^^^^ sync-io-in-async
