import Koa from 'koa';
import Router from '@koa/router';
import fs from 'fs';
import { pbkdf2Sync, randomBytes } from 'crypto';

const app = new Koa();
const router = new Router({ prefix: '/api' });

app.use((ctx, next) => {
  ctx.set('X-Build', fs.readFileSync('BUILD_ID', 'utf8').trim());
//                   ^^^^^^^^^^^^^^^ sync-io-in-async
  return next();
});

router.post('/login', (ctx) => {
  const salt = randomBytes(16);
  ctx.body = { hash: pbkdf2Sync(ctx.request.body.password, salt, 100000, 64, 'sha512').toString('hex') };
//                   ^^^^^^^^^^ sync-io-in-async
});

router.get('/files', async (ctx) => {
  ctx.body = fs.readdirSync(ctx.query.dir);
//           ^^^^^^^^^^^^^^ sync-io-in-async
});

app.use(router.routes()).use(router.allowedMethods());
app.listen(3000);
