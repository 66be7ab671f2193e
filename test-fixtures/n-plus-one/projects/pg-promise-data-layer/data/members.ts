import type { QueryExecutor } from '../db/executor';

export async function findMember(qx: QueryExecutor, id: string) {
  return qx.selectOneOrNone('SELECT * FROM members WHERE id = $(id)', { id });
}

export async function removeMember(qx: QueryExecutor, id: string) {
  return qx.result('DELETE FROM members WHERE id = $(id)', { id });
}

export async function findMembers(qx: QueryExecutor, ids: string[]) {
  return qx.select('SELECT * FROM members WHERE id IN ($(ids:csv))', { ids });
}

export async function membersOfTeams(qx: QueryExecutor, teamIds: string[]) {
  const members = [];
  for (const teamId of teamIds) {
    members.push(await qx.select('SELECT * FROM members WHERE team_id = $(teamId)', { teamId }));
//                     ^^^^^^^^^ n-plus-one
  }
  return members;
}

export async function renameMembers(qx: QueryExecutor, names: Array<{ id: string; name: string }>) {
  for (const { id, name } of names) {
    await qx.result('UPDATE members SET name = $(name) WHERE id = $(id)', { id, name });
//        ^^^^^^^^^ n-plus-one
  }
}
