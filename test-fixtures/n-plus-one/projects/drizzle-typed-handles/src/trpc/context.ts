// valid
import type { db, DB } from '../db';

export interface User {
  id: string;
  role: 'admin' | 'user';
}

export interface Context {
  db: typeof db;
  user: User | null;
}

export type AuthedContext = {
  db: DB;
  user: User;
};

export type AdminContext = AuthedContext & { audit: (event: string) => void };
