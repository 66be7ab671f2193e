import { db, eq, handleTransactionsAsync, type MysqlDatabase } from '@dash/db';
import { DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { widgets } from './schema';

type Move = { id: string; position: number };

export async function saveLayout(moves: Move[]) {
  await handleTransactionsAsync(db, {
    whenAsync: async (mysql) =>
      mysql.transaction(async (tx) => {
        for (const move of moves) {
          await tx.update(widgets).set({ position: move.position }).where(eq(widgets.id, move.id));
//              ^^^^^^^^^ n-plus-one
        }
      }),
    // better-sqlite3 runs each statement in this process and returns at once: no round trip to save.
    whenSync(sqlite) {
      sqlite.transaction((tx) => {
        for (const move of moves) {
          tx.update(widgets).set({ position: move.position }).where(eq(widgets.id, move.id)).run();
        }
      });
    },
  });
}

const onReplica = async (replica: MysqlDatabase, work: (db: MysqlDatabase) => Promise<void>) => work(replica);
const withBucket = async (work: (s3: S3Client) => Promise<void>) => work(new S3Client({ region: 'eu-west-1' }));

export async function resetPositions(replica: MysqlDatabase, ids: string[]) {
  await onReplica(replica, async (db) => {
    for (const id of ids) {
      await db.update(widgets).set({ position: 0 }).where(eq(widgets.id, id));
//          ^^^^^^^^^ n-plus-one
    }
  });
  await withBucket(async (s3) => {
    for (const id of ids) {
      await s3.send(new DeleteObjectCommand({ Bucket: 'thumbnails', Key: id }));
//    ^^^^^ await-in-loop
    }
  });
}
