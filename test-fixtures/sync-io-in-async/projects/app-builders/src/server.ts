// valid
import buildApp from './app';

export async function start(port: number): Promise<void> {
  const app = await buildApp(process.env.PUBLIC_DIR ?? 'public');
  app.listen(port);
}
