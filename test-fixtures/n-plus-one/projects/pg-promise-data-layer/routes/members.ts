import type { ITask } from 'pg-promise';

import { db, pgp, scoreColumns, tagColumns } from '../db/connection';
import type { QueryExecutor } from '../db/executor';
import { findMember, findMembers, removeMember } from '../data/members';

export const loadMembers = async (qx: QueryExecutor, ids: string[]) => {
  const members = [];
  for (const id of ids) {
    members.push(await findMember(qx, id));
//                     ^^^^^^^^^^ n-plus-one
  }
  return members;
};

export const removeMembers = async (qx: QueryExecutor, ids: string[]) => Promise.all(ids.map((id) => removeMember(qx, id)));
//                                                                                                   ^^^^^^^^^^^^ n-plus-one

export const loadTeams = async (teamIds: string[]) => Promise.all(teamIds.map((teamId) => db.one('SELECT * FROM teams WHERE id = $1', [teamId])));
//                                                                                        ^^^^^^ n-plus-one

export const countMessages = async (memberIds: string[]) => {
  const counts = new Map<string, number>();
  for (const memberId of memberIds) {
    const { count } = await db.one<{ count: number }>('SELECT count(*) FROM messages WHERE member_id = $1', [memberId]);
//                          ^^^^^^ n-plus-one
    counts.set(memberId, count);
  }
  return counts;
};

export const archiveMembers = async (ids: string[]) =>
  db.tx(async (t) => {
    for (const id of ids) {
      await t.none('UPDATE members SET archived = true WHERE id = $1', [id]);
//          ^^^^^^ n-plus-one
    }
  });

export const addTags = async (tags: Array<{ member_id: string; name: string }>) => {
  for (const tag of tags) {
    await db.none(pgp.helpers.insert(tag, tagColumns));
//        ^^^^^^^ n-plus-one
  }
};

const touchMember = (t: ITask<unknown>, id: string) => t.none('UPDATE members SET seen_at = now() WHERE id = $1', [id]);

export const touchMembers = async (ids: string[]) =>
  db.task(async (t) => {
    for (const id of ids) await touchMember(t, id);
//                              ^^^^^^^^^^^ n-plus-one
  });

// One query over all the ids, before the loop.
export const loadMembersOnce = async (qx: QueryExecutor, ids: string[]) => {
  const members = await findMembers(qx, ids);
  const rows = await db.any('SELECT * FROM members WHERE id IN ($1:csv)', [ids]);
  for (const row of rows) console.log(row, members.length);
};

// Every row in one statement.
export const rescore = async (scores: Array<{ id: string; score: number }>) => db.none(`${pgp.helpers.update(scores, scoreColumns)} WHERE v.id = t.id`);

// A fixed pair of statements in one transaction.
export const swapOwners = async (from: string, to: string) =>
  db.tx((t) => t.batch([t.none('UPDATE teams SET owner_id = $2 WHERE owner_id = $1', [from, to]), t.none('DELETE FROM invites WHERE member_id = $1', [from])]));

// Methods named like pg-promise's on an object that is no database.
const picker = { one: (name: string) => name.trim(), any: (names: string[]) => names.some(Boolean) };

export const pickNames = (names: string[][]) => names.map((group) => picker.any(group) && group.map((name) => picker.one(name)));
