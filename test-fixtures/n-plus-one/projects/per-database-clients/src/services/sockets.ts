// An item named `connection` may be a socket, and a transaction each iteration opens runs on the one database: both are reported.
import knex, { type Knex } from 'knex';

const db = knex({ client: 'pg' });

interface SocketConnection {
  id: string;
  userId: string;
}

const unregister = async (connection: SocketConnection) => db('socket_connections').where({ id: connection.id }).delete();

const segmentsOf = async (trx: Knex.Transaction, accountId: string) => trx('segments').where({ accountId });

export async function disconnectAll(connections: SocketConnection[]) {
  for (const connection of connections) {
    await unregister(connection);
//        ^^^^^^^^^^ n-plus-one
  }
}

export async function segmentsPerAccount(accountIds: string[]) {
  for (const accountId of accountIds) {
    const trx = await db.transaction();
    await segmentsOf(trx, accountId);
//        ^^^^^^^^^^ n-plus-one
    await trx.commit();
  }
}
