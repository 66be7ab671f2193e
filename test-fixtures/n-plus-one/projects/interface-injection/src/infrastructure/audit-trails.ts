// valid
import type { AuditTrail } from '../domain/ports';
import { prisma } from './prisma';

/** Two adapters of one port: which one runs is the container's choice. */
export class DatabaseAuditTrail implements AuditTrail {
  async record(entry: string): Promise<void> {
    await prisma.auditEntry.create({ data: { entry } });
  }
}

export class ConsoleAuditTrail implements AuditTrail {
  async record(entry: string): Promise<void> {
    console.info(entry);
  }
}
