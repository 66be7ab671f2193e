// Rows locked one at a time in a sorted order (so two transactions never deadlock), stopping at the first that fails.
import { and, eq, inArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { accounts, memberships } from './schema';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const db = drizzle(pool);
type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

async function lockAdminMembership(tx: Tx, userId: string, teamId: string): Promise<boolean> {
  const [row] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.teamId, teamId)))
    .for('update');
  return row?.role === 'admin';
}

export async function moveProjects(userId: string, teamIds: string[]) {
  return db.transaction(async (tx) => {
    const ordered = [...new Set(teamIds)].sort();
    for (const teamId of ordered) {
      if (!(await lockAdminMembership(tx, userId, teamId))) return { ok: false, teamId };
    }
    return { ok: true };
  });
}

export async function debit(accountIds: string[], cents: number) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    let enough = true;
    for (const accountId of accountIds.toSorted()) {
      const { rows } = await client.query('SELECT balance FROM accounts WHERE id = $1 FOR UPDATE', [accountId]);
      if (rows[0].balance < cents) {
        enough = false;
        break;
      }
    }
    await client.query(enough ? 'COMMIT' : 'ROLLBACK');
    return enough;
  } finally {
    client.release();
  }
}

// Not sorted: the locks come in the caller's order, and one locking read over the ids would take them all.
export async function checkAdmin(userId: string, teamIds: string[]) {
  return db.transaction(async (tx) => {
    for (const teamId of teamIds) {
      if (!(await lockAdminMembership(tx, userId, teamId))) return false;
//                ^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return true;
  });
}

// Sorted, but nothing stops on a lock: every row is read, in one statement as well as in many.
export async function balances(accountIds: string[]) {
  return db.transaction(async (tx) => {
    const rows = [];
    for (const accountId of [...accountIds].sort()) {
      rows.push(await tx.select().from(accounts).where(eq(accounts.id, accountId)).for('update'));
//                    ^^^^^^^^^ n-plus-one
    }
    return rows;
  });
}

export async function lockAll(accountIds: string[]) {
  return db.transaction((tx) => tx.select().from(accounts).where(inArray(accounts.id, [...accountIds].sort())).orderBy(accounts.id).for('update'));
}
