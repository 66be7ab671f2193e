import { connection } from 'mongoose';
import { archiveTeam, findTeamsByIds } from '../models/TeamModel';
import { getTeamById } from '../services/teams';

export async function listMemberTeams(teamIds: string[]) {
  const teams = [];
  for (const id of teamIds) {
    teams.push(await getTeamById(id));
//                   ^^^^^^^^^^^ n-plus-one
  }
  return teams;
}

export async function archiveTeams(teamIds: string[]) {
  for (const id of teamIds) {
    await archiveTeam(id);
//        ^^^^^^^^^^^ n-plus-one
  }
}

export async function renameTeams(renames: { id: string; name: string }[]) {
  for (const { id, name } of renames) {
    await connection.db.collection('teams').updateOne({ id }, { $set: { name } });
//        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

// One query for all ids: nothing per item.
export async function listMemberTeamsAtOnce(teamIds: string[]) {
  return findTeamsByIds(teamIds);
}

// Teams already loaded: an in-memory lookup per item, no query.
export function pickTeams(teams: { id: string; name: string }[], ids: string[]) {
  return ids.map((id) => teams.find((team) => team.id === id));
}

// A fixed pair of teams: two reads, not one per item of a growing list.
export async function ownerAndBackupTeams(ownerId: string, backupId: string) {
  const teams = [];
  for (const id of [ownerId, backupId]) {
    teams.push(await getTeamById(id));
  }
  return teams;
}
