import { sql } from '../db';

export const membersOfTeams = async (teamIds: string[]) => {
  const members = [];
  for (const teamId of teamIds) {
    members.push(await sql`select * from members where team_id = ${teamId}`);
//                     ^^^ n-plus-one
  }
  return members;
};

export const addMembers = async (teamId: string, userIds: string[]) =>
  Promise.all(userIds.map(async (userId) => sql`insert into members (team_id, user_id) values (${teamId}, ${userId})`));
//                                          ^^^ n-plus-one

// One query over the ids; the fragment embedded per call is no query of its own.
export const activeMembers = async (teamIds: string[], onlyOwners: boolean) =>
  sql`select * from members where team_id in ${sql(teamIds)} ${onlyOwners ? sql`and role = 'owner'` : sql``}`;

export const removeMembers = async (ids: string[]) => {
  await sql.begin(async (transaction) => {
    await transaction`delete from members where id in ${transaction(ids)}`;
  });
};
