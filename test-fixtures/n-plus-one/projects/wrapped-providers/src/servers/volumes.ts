// valid
import { rm } from 'node:fs/promises';
import { prisma } from '@/lib/prisma';
import { runOnServer } from './remote';

// Only a file volume needs a command on its server: the insert is what every volume costs.
export async function addVolume(serverId: string, volume: { path: string; kind: string }) {
  const created = await prisma.volume.create({ data: { serverId, ...volume } });
  if (created.kind === 'file') {
    await runOnServer(serverId, `touch ${created.path}`);
  }
  return created;
}

// Every volume is removed from a disk, on its server or on this host.
export async function dropVolume(serverId: string | null, path: string) {
  await prisma.volume.delete({ where: { path } });
  if (serverId) await runOnServer(serverId, `rm -rf ${path}`);
  else await rm(path, { recursive: true, force: true });
}
