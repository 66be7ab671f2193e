// Drizzle's db.batch([...]) (libSQL, D1, Neon HTTP) sends every builder it is handed in one round trip:
// a builder that is only an element of that array is not a query per item. One awaited per item still is.
import { eq, inArray } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { drizzle } from 'drizzle-orm/libsql';
import { createClient } from '@libsql/client';
import { optionValues, options, properties } from './schema';

const db = drizzle(createClient({ url: process.env.DATABASE_URL! }));

type OptionInput = { id: string; name: string; position: number };

export async function updateOptions(propertyId: string, items: OptionInput[], removedIds: string[]) {
  await db.batch([
    ...items.map((item) => db.update(options).set({ name: item.name, position: item.position }).where(eq(options.id, item.id))),
    db.delete(options).where(inArray(options.id, removedIds)),
    db.update(properties).set({ updatedAt: new Date() }).where(eq(properties.id, propertyId)),
  ]);
}

export async function renameOptions(items: OptionInput[]) {
  const statements = items.map((item) => db.update(options).set({ name: item.name }).where(eq(options.id, item.id)));
  await db.batch([db.select().from(properties), ...statements]);
}

export async function reorderOptions(items: OptionInput[]) {
  const statements = [];
  for (const item of items) statements.push(db.update(options).set({ position: item.position }).where(eq(options.id, item.id)));
  await db.batch([db.select().from(options), ...statements]);
}

// Awaited in the callback: each update runs on its own, whatever is batched afterwards.
export async function renameOptionsOneByOne(items: OptionInput[]) {
  const renamed = await Promise.all(items.map(async (item) => {
    await db.update(options).set({ name: item.name }).where(eq(options.id, item.id));
//        ^^^^^^^^^ n-plus-one
    return item.id;
  }));
  await db.batch([db.select().from(options).where(inArray(options.id, renamed))]);
}

// Promise.all starts each update on its own: one round trip per item.
export async function renameOptionsAtOnce(items: OptionInput[]) {
  await Promise.all(items.map((item) => db.update(options).set({ name: item.name }).where(eq(options.id, item.id))));
//                                      ^^^^^^^^^ n-plus-one
}

// Each item's statements, flattened into one batch; Drizzle's batch types ask for a non-empty tuple, hence the cast.
export async function replaceOptionValues(items: Array<OptionInput & { valueIds: string[] }>) {
  await db.batch(
    items.flatMap((item) => [
      db.update(options).set({ name: item.name }).where(eq(options.id, item.id)),
      db.delete(optionValues).where(inArray(optionValues.id, item.valueIds)),
    ]) as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]],
  );
}

// The same statements flattened into Promise.all: each runs on its own.
export async function replaceOptionValuesAtOnce(items: Array<OptionInput & { valueIds: string[] }>) {
  await Promise.all(
    items.flatMap((item) => [
      db.update(options).set({ name: item.name }).where(eq(options.id, item.id)),
//    ^^^^^^^^^ n-plus-one
      db.delete(optionValues).where(inArray(optionValues.id, item.valueIds)),
//    ^^^^^^^^^ n-plus-one
    ]),
  );
}

// Built by a helper of this module that only feeds the batch.
function positionUpdates(items: OptionInput[]) {
  return items.map((item) => db.update(options).set({ position: item.position }).where(eq(options.id, item.id)));
}

export async function moveOptions(items: OptionInput[]) {
  const updates = positionUpdates(items);
  if (updates.length > 0) await db.batch(updates as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
}

// An exported helper may be awaited anywhere: its statements stay a write per item.
export function nameUpdates(items: OptionInput[]) {
  return items.map((item) => db.update(options).set({ name: item.name }).where(eq(options.id, item.id)));
//                           ^^^^^^^^^ n-plus-one
}

export async function renameAll(items: OptionInput[]) {
  await db.batch(nameUpdates(items) as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
}

// Each builder cast to the batch's item type inside the callback: still elements of the one batch.
export async function relabelOptions(propertyId: string, items: OptionInput[]) {
  await db.batch([
    ...items.map(
      (item) =>
        db
          .update(options)
          .set({ name: item.name })
          .where(eq(options.id, item.id)) as BatchItem<'sqlite'>,
    ),
    db.update(properties).set({ updatedAt: new Date() }).where(eq(properties.id, propertyId)),
  ]);
}

export async function repositionOptions(items: OptionInput[]) {
  const updates = items.map((item) => (db.update(options).set({ position: item.position }).where(eq(options.id, item.id)) satisfies BatchItem<'sqlite'>));
  const removals = items.map((item) => <BatchItem<'sqlite'>>db.delete(optionValues).where(eq(optionValues.optionId, item.id)));
  await db.batch([db.select().from(options), ...updates, ...removals]);
}

export async function queueRenames(items: OptionInput[]) {
  const statements: BatchItem<'sqlite'>[] = [];
  for (const item of items) statements.push(db.update(options).set({ name: item.name }).where(eq(options.id, item.id)) as BatchItem<'sqlite'>);
  await db.batch([db.select().from(options), ...statements]);
}

// The same cast, handed to Promise.all: each update is its own round trip.
export async function relabelOptionsAtOnce(items: OptionInput[]) {
  await Promise.all(items.map((item) => db.update(options).set({ name: item.name }).where(eq(options.id, item.id)) as Promise<unknown>));
//                                      ^^^^^^^^^ n-plus-one
}
