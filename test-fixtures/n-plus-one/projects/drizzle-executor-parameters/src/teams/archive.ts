// valid
import { eq } from 'drizzle-orm';
import { db } from '../db/client';
import { teams } from '../db/schema';

export async function archiveTeam(teamId: string) {
  await db.delete(teams).where(eq(teams.id, teamId));
}
