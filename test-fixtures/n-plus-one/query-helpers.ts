import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const cache = new Map<string, { name: string } | null>();

const findAccount = (id: string) => prisma.account.findUnique({ where: { id } });

async function ownerOf(accountId: string) {
  const account = await prisma.account.findUniqueOrThrow({ where: { id: accountId }, include: { owner: true } });
  return account.owner;
}

async function cachedAccount(id: string) {
  if (cache.has(id)) return cache.get(id) ?? null;
  const account = await prisma.account.findUnique({ where: { id } });
  cache.set(id, account);
  return account;
}

export class StatementService {
  private readonly client = prisma;

  private balanceOf(accountId: string) {
    return this.client.ledgerEntry.aggregate({ where: { accountId }, _sum: { amount: true } });
  }

  async statements(accountIds: string[]) {
    const lines = [];
    for (const accountId of accountIds) {
      const account = await findAccount(accountId);
//                          ^^^^^^^^^^^ n-plus-one
      const owner = await ownerOf(accountId);
//                        ^^^^^^^ n-plus-one
      const balance = await this.balanceOf(accountId);
//                          ^^^^^^^^^^^^^^ n-plus-one
      const cached = await cachedAccount(accountId);
//                   ^^^^^ await-in-loop
      lines.push({ account, owner, balance, cached });
    }
    return lines;
  }
}
