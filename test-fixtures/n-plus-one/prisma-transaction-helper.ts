// A project's own `$transaction(client, name, fn)` helper, named after Prisma's: a transaction per item runs its statements once per item.
import { PrismaClient } from '@prisma/client';
import { $transaction } from './db.server';

const prisma = new PrismaClient();

export async function createVariables(projectId: string, variables: Array<{ key: string; value: string }>) {
  for (const variable of variables) {
    await $transaction(prisma, 'create variable', async (tx) => {
//        ^^^^^^^^^^^^ n-plus-one
      const row = await tx.environmentVariable.upsert({
        where: { projectId_key: { projectId, key: variable.key } },
        create: { projectId, key: variable.key },
        update: {},
      });
      await tx.environmentVariableValue.create({ data: { variableId: row.id, value: variable.value } });
    });
  }
}

export async function createVariablesAtOnce(projectId: string, variables: Array<{ key: string; value: string }>) {
  await $transaction(prisma, 'create variables', async (tx) => {
    await tx.environmentVariable.createMany({ data: variables.map(({ key }) => ({ projectId, key })), skipDuplicates: true });
  });
}
