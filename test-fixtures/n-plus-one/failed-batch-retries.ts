import { MongoClient, type AnyBulkWriteOperation } from 'mongodb';

const scores = new MongoClient(process.env.MONGO_URL ?? '').db().collection<{ key: string; value: string; score: number }>('scores');

type Increment = { key: string; value: string; by: number };

export async function incrementAll(increments: Increment[]) {
  const operations: AnyBulkWriteOperation<{ key: string; value: string; score: number }>[] = increments.map(({ key, value, by }) => ({
    updateOne: { filter: { key, value }, update: { $inc: { score: by } }, upsert: true },
  }));
  try {
    await scores.bulkWrite(operations, { ordered: false });
  } catch (error) {
    // Two upserts of one key can race; the ones that lost are retried alone.
    const failed = (error as { writeErrors: Array<{ index: number }> }).writeErrors.map((writeError) => increments[writeError.index]!);
    await Promise.all(failed.map(({ key, value, by }) => scores.updateOne({ key, value }, { $inc: { score: by } }, { upsert: true })));
  }
}

export async function incrementOrLog(increments: Increment[], log: (message: string) => void) {
  try {
    await scores.bulkWrite([]);
  } catch (error) {
    log(String(error));
    for (const { key, value, by } of increments) {
      await scores.updateOne({ key, value }, { $inc: { score: by } });
//          ^^^^^^^^^^^^^^^^ n-plus-one
    }
  }
}
