// valid
import { PrismaService } from '../prisma/prisma.service';

/** The last hundred beats of a monitor, newest first. */
export async function recentBeats(prisma: PrismaService, monitorId: string) {
  return prisma.$queryRaw`SELECT * FROM heartbeat WHERE monitor_id = ${monitorId} ORDER BY time DESC LIMIT 100`;
}
