// valid
import { PrismaClient } from '@prisma/client';

export interface AppDb extends PrismaClient {
  readonly region: string;
}

export const db = Object.assign(new PrismaClient(), { region: process.env.REGION ?? 'eu' }) as AppDb;
