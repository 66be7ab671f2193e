// valid
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
type Database = typeof prisma;

const limits = { pageSize: 50, names: ['basic', 'pro'] };
type Limits = typeof limits;

export { Database, Limits, prisma, limits };
