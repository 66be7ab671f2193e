// valid
export { auditRow, emitAudit, type AuditEntry } from './emit';
