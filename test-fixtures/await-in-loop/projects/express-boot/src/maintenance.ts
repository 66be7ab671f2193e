// valid
import { syncSchedules } from './schedules';

export async function refreshSchedules(crons: Record<string, string>) {
  await syncSchedules(crons);
}
