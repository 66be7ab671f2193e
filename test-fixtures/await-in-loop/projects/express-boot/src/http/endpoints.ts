// valid
export async function verifyEndpoint(url: string, secret: string): Promise<boolean> {
  const response = await fetch(url, { method: 'HEAD', headers: { 'x-signature': secret } });
  return response.ok;
}

export async function scheduleJob(schedule: { id: string; cron: string; task: string }): Promise<void> {
  await fetch(`${process.env.SCHEDULER_URL}/jobs/${schedule.id}`, { method: 'PUT', body: JSON.stringify(schedule) });
}
