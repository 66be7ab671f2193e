import Fastify, { type FastifyInstance } from 'fastify';
import * as zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import fse from 'fs-extra';

const server = Fastify({ logger: true });

server.get('/health', (request, reply) => {
  reply.send({ version: execFileSync('git', ['describe', '--tags'], { encoding: 'utf8' }) });
//                      ^^^^^^^^^^^^ sync-io-in-async
});

server.route({
  method: 'POST',
  url: '/compress',
  handler(request, reply) {
    reply.send(zlib.brotliCompressSync(request.body as Buffer));
//             ^^^^^^^^^^^^^^^^^^^^^^^ sync-io-in-async
  },
});

export function registerExports(app: FastifyInstance) {
  app.addHook('onRequest', (request, reply, done) => {
    fse.ensureDirSync('/tmp/exports');
    done();
  });

  app.post('/exports', async (request) => {
    fse.outputJsonSync(`/tmp/exports/${request.id}.json`, request.body);
//  ^^^^^^^^^^^^^^^^^^ sync-io-in-async
    return { ok: true };
  });
}

server.register(async (instance) => registerExports(instance));
