// valid
import type { Entity } from 'dynamodb-toolbox';
import type { AuditLog } from '../ports';

export const createDynamoAuditLog = (entity: Entity<any>): AuditLog => {
  const record = async (sessionId: string, event: string): Promise<void> => {
    await entity.put({ PK: `AUDIT#${sessionId}`, SK: `${Date.now()}`, event });
  };
  return { record };
};

export function createMemoryAuditLog(): AuditLog {
  const events: string[] = [];
  return {
    record: async (sessionId, event) => {
      events.push(`${sessionId} ${event}`);
    },
  };
}
