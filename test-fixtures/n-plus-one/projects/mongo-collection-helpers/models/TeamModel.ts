// valid
import mongoose from 'mongoose';
import { getCollection } from '../util/mongo';

export interface TeamDoc {
  id: string;
  name: string;
  archived?: boolean;
}

const teamSchema = new mongoose.Schema({ id: String, name: String, archived: Boolean });

const TeamModel = mongoose.model<TeamDoc>('Team', teamSchema);

export async function findTeamById(id: string) {
  return getCollection<TeamDoc>('teams').findOne({ id });
}

export async function findTeamsByIds(ids: string[]) {
  return getCollection<TeamDoc>('teams').find({ id: { $in: ids } }).toArray();
}

export async function archiveTeam(id: string) {
  await TeamModel.updateOne({ id }, { $set: { archived: true } });
}
