// valid
import express, { type Express } from 'express';
import http from 'node:http';

// The base every service's server extends: it listens once its subclass has set the app up.
export class HttpServer {
  public app: Express = express();
  private server?: http.Server;

  constructor(private readonly port: number) {}

  async start(): Promise<void> {
    this.server = http.createServer(this.app);
    await new Promise<void>((resolve) => this.server!.listen(this.port, resolve));
  }
}
