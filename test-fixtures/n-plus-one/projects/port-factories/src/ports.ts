// valid
export interface Session {
  id: string;
  userId: string;
}

/** Where sessions are kept; the application is handed one made by a factory. */
export interface SessionStore {
  find(id: string): Promise<Session | null>;
  remove(id: string): Promise<void>;
}

/** Kept in DynamoDB in production and in memory for local runs. */
export interface AuditLog {
  record(sessionId: string, event: string): Promise<void>;
}
