// valid
import pgPromise from 'pg-promise';

export const pgp = pgPromise({ capSQL: true });

export const db = pgp(process.env.DATABASE_URL ?? 'postgres://localhost/app');

export const tagColumns = new pgp.helpers.ColumnSet(['member_id', 'name'], { table: 'tags' });
export const scoreColumns = new pgp.helpers.ColumnSet(['?id', 'score'], { table: 'members' });
