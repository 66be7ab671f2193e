// Signers and clients built from files the configuration names, a development fallback, a router
// set up with the page it serves; next to them, work that reads a file on every call.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Router, type Request, type Response } from 'express';

declare function env(name: string): string | undefined;
declare function createSigner(key: Uint8Array, passphrase: string): Promise<{ sign(data: Uint8Array): Promise<Uint8Array> }>;
declare function drawLogo(image: Buffer, text: string): Promise<Uint8Array>;

const loadKey = (): Uint8Array => {
  const keyPath = env('SIGNING_KEY_PATH');
  if (keyPath) {
    return fs.readFileSync(keyPath);
  }
  if (env('NODE_ENV') !== 'production') {
    return fs.readFileSync('./example/signing-key.p12');
  }
  throw new Error('No signing key configured');
};

export const createLocalSigner = async () => createSigner(loadKey(), env('SIGNING_PASSPHRASE') ?? '');

export const createCloudSigner = async () => {
  const credentialsPath = process.env.CLOUD_CREDENTIALS_FILE;
  if (credentialsPath && !fs.existsSync(credentialsPath)) {
    fs.writeFileSync(credentialsPath, Buffer.from(process.env.CLOUD_CREDENTIALS ?? '', 'base64'));
  }
  const certificate = credentialsPath ? fs.readFileSync(credentialsPath) : new Uint8Array();
  return createSigner(certificate, '');
};

/** Serves the built dashboard: the page is read once, when the router is made. */
export async function serveDashboard(outDir: string): Promise<Router> {
  const indexPath = path.join(outDir, 'index.html');
  if (!fs.existsSync(indexPath)) {
    throw new Error(`Build the dashboard before starting the server: ${indexPath} is missing`);
  }
  const html = fs.readFileSync(indexPath, 'utf8');
  const router = Router();
  router.get('/', (_request: Request, response: Response) => {
    response.send(html);
  });
  router.get('/health', (_request: Request, response: Response) => {
    response.json({ built: fs.existsSync(indexPath) });
  });
  return router;
}

/** Renders a certificate's footer: the logo is read again for every certificate. */
export async function renderFooter(title: string): Promise<Uint8Array> {
  const logo = fs.readFileSync(path.join(process.cwd(), 'public/logo.png'));
//             ^^^^^^^^^^^^^^^ sync-io-in-async
  return drawLogo(logo, title);
}
