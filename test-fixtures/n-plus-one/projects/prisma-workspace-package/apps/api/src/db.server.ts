// valid
import { PrismaClient } from '@relay/database';
import { withMetrics } from './metrics';
import { singleton } from './singleton';

export const prisma = singleton('prisma', () => withMetrics(new PrismaClient(), 'writer'));
