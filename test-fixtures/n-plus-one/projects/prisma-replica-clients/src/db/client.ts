// valid
import { PrismaClient } from '@/generated/prisma/client';

/** A client, or the client `$transaction` hands its callback: functions that take either run on whichever they are given. */
export type DbClientOrTx = Omit<PrismaClient, '$on'> | Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export type ReplicatedClient<T extends PrismaClient = PrismaClient> = Omit<T, '$on'> & {
  $replica: () => Omit<T, '$on'>;
};

function withReplica<T extends PrismaClient>(client: T): ReplicatedClient<T> {
  return Object.assign(client, { $replica: () => client });
}

function clientFor(url: string): PrismaClient {
  return new PrismaClient({ datasourceUrl: url });
}

export const { client: sharedDb, region }: { client: ReplicatedClient<PrismaClient>; region: string } = process.env.DATABASE_URL
  ? { client: withReplica(clientFor(process.env.DATABASE_URL)), region: process.env.REGION ?? 'local' }
  : { client: withReplica(new PrismaClient()), region: 'local' };

type Storage = { kind: 'shared' } | { kind: 'dedicated'; url: string };

export async function dbForWorkspace(workspace: { id: string; storage: Storage }) {
  return await dbForStorage(workspace.storage);
}

async function dbForStorage(storage: Storage) {
  switch (storage.kind) {
    case 'shared': {
      return sharedDb;
    }
    case 'dedicated': {
      const client = clientFor(storage.url);
      return withReplica(client.$extends({ name: 'dedicated' })) as unknown as ReplicatedClient<PrismaClient>;
    }
  }
}
