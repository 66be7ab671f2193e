// valid
import Database from './database';
import { monitors } from './repositories/monitors';

const db: Database = new Database({ client: 'pg', connection: process.env.DATABASE_URL });
export default db;

/** The calls scripts make, each a repository's method. */
export const lookups = {
  monitorByTag: monitors.getMonitorByTag.bind(monitors),
};
