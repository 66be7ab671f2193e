import { recordLimitAlert, sendLimitAlert } from '@/mail/limit-alerts';

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
