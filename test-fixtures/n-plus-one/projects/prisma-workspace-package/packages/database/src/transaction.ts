// valid
import type { PrismaClient } from '../generated/prisma';

export type TransactionClient = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;
export type PrismaClientOrTransaction = PrismaClient | TransactionClient;
