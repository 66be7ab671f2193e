// valid
import { createServer } from 'node:http';
import next from 'next';
import { initVolumeBackupsCronJobs } from './backups/cron';

const PORT = Number(process.env.PORT ?? 3000);
const app = next({ dev: process.env.NODE_ENV !== 'production' });
const handle = app.getRequestHandler();

app.prepare().then(async () => {
  const server = createServer((req, res) => handle(req, res));
  server.listen(PORT);
  await initVolumeBackupsCronJobs();
});
