import fs from 'node:fs';
import { HttpServer } from './http-server';

// A job runner's `start` is called for each job it runs, not once: its class is no server.
class Runner {
  async start(): Promise<void> {}
}

export class ExportRunner extends Runner {
  async start(): Promise<void> {
    fs.writeFileSync(`/var/exports/${Date.now()}.json`, JSON.stringify(await collect()));
//  ^^^^^^^^^^^^^^^^ sync-io-in-async
    await super.start();
  }
}

// A server's other methods run as often as they are called.
export class MetricsServer extends HttpServer {
  async snapshot(name: string): Promise<void> {
    fs.writeFileSync(`/var/metrics/${name}.json`, JSON.stringify(await collect()));
//  ^^^^^^^^^^^^^^^^ sync-io-in-async
  }
}

async function collect(): Promise<unknown[]> {
  return [];
}
