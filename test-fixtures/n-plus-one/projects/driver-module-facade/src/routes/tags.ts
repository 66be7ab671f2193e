import db from "../db/index.js";
import Tag, { Table, TagEntry } from "../models/tag.js";

export async function tagsOfIds(ids: number[]) {
  const tags = [];
  for (const id of ids) {
    tags.push(await Tag.findOne({ id }));
//                  ^^^^^^^^^^^ n-plus-one
  }
  return tags;
}

export async function addEntries(tagId: number, tableIds: number[]) {
  for (const tableId of tableIds) {
    await TagEntry.create({ tag_id: tagId, table_id: tableId });
//        ^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function fieldNames(fieldIds: number[]) {
  return Promise.all(fieldIds.map(async (id) => (await db.selectOne("_sc_fields", { id })).name));
//                                                     ^^^^^^^^^^^^ n-plus-one
}

export function tableNames(tableIds: number[]) {
  const names = [];
  for (const id of tableIds) {
    // An in-memory look-up, not a query.
    const table = Table.findOne({ id });
    names.push(db.slugify(table?.name ?? ""));
  }
  return names;
}

export async function tagsOfTable(tableId: number) {
  return await Tag.find({ table_id: tableId });
}
