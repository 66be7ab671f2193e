import type { KeyStore, QueryExecutor } from '../database/executor';

export const findMember = (qx: QueryExecutor, id: string) => qx.selectOne('SELECT * FROM members WHERE id = $(id)', { id });

export async function loadMembers(qx: QueryExecutor, ids: string[]) {
  const members = [];
  for (const id of ids) members.push(await qx.selectOne('SELECT * FROM members WHERE id = $(id)', { id }));
//                                         ^^^^^^^^^^^^ n-plus-one
  for (const id of ids) members.push(await findMember(qx, id));
//                                         ^^^^^^^^^^ n-plus-one
  return members;
}

export async function readKeys(store: KeyStore, keys: string[]) {
  const values = [];
  for (const key of keys) values.push(await store.read(key));
  return values;
}
