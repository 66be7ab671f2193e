// valid
import type { PrismaClientOrTransaction } from '@relay/database';
import { prisma } from '../db.server';

export abstract class BaseService {
  protected readonly labels = new Map<string, string>();

  constructor(protected readonly db: PrismaClientOrTransaction = prisma) {}
}
