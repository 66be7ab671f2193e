// valid
import { findTeamById } from '../models/TeamModel';

export async function getTeamById(id: string) {
  return findTeamById(id);
}
