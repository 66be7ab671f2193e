// valid
import { createDb } from '@planner/core/db';
import { createMailer } from '@planner/core/mail';
import * as schema from './schema';

export * from 'drizzle-orm';
export { schema };

export const db = createDb(schema);
export const mailer = createMailer();
