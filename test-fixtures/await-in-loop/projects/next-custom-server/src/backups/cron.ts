import { eq } from 'drizzle-orm';
import cron from 'node-cron';
import { db } from '../db';
import { destinations, volumeBackups } from '../db/schema';
import { listVolumes, runVolumeBackup } from '../docker/volumes';

/** The custom server calls it once it listens: one query per backup costs one start-up. */
export async function initVolumeBackupsCronJobs() {
  const backups = await db.query.volumeBackups.findMany({ where: eq(volumeBackups.enabled, true) });
  for (const backup of backups) {
    const destination = await db.query.destinations.findFirst({ where: eq(destinations.id, backup.destinationId) });
    // The scheduled task runs on every tick of its cron expression.
    cron.schedule(backup.cronExpression, async () => {
      const volumes = await listVolumes(backup.serverId);
      for (const volume of volumes) {
        await runVolumeBackup(volume, destination?.bucket ?? 'default');
//      ^^^^^ await-in-loop
      }
    });
  }
}
