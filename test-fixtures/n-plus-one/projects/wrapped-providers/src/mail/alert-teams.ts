import { recordLimitAlert, sendLimitAlert, sendLimitDigest } from '@/mail/limit-alerts';

export async function alertTeams(teams: Array<{ id: string; ownerEmail: string }>) {
  for (const team of teams) {
    await sendLimitAlert(team.id, team.ownerEmail);
//  ^^^^^ await-in-loop
  }
}

export async function recordAlerts(teams: Array<{ id: string; ownerEmail: string }>) {
  for (const team of teams) {
    await recordLimitAlert(team.id, team.ownerEmail);
//        ^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function digestTeams(teamIds: string[]) {
  for (const teamId of teamIds) {
    await sendLimitDigest(teamId);
//  ^^^^^ await-in-loop
  }
}
