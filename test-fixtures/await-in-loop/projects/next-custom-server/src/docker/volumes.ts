// valid
export interface Volume {
  name: string;
}

export async function listVolumes(serverId: string): Promise<Volume[]> {
  const response = await fetch(`http://${serverId}:2375/volumes`);
  return ((await response.json()) as { Volumes: Volume[] }).Volumes;
}

export async function runVolumeBackup(volume: Volume, bucket: string): Promise<void> {
  await fetch(`http://backup-agent/backups`, { method: 'POST', body: JSON.stringify({ volume: volume.name, bucket }) });
}
