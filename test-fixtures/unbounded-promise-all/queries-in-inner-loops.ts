// A callback that fetches per item and then writes in a loop of its own: the loop's writes are an N+1 of that loop,
// and the callbacks still all fetch at once. A callback whose own call is the query is the N+1 alone.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

interface Contract {
  id: string;
}

export async function importDiaries(contracts: Contract[]) {
  await Promise.all(
  //    ^^^^^^^^^^^ unbounded-promise-all
    contracts.map(async (contract) => {
      const response = await fetch(`https://api.example.com/contracts/${contract.id}/diary`);
      const diary = (await response.json()) as { entries: Array<{ minutes: number }> };
      for (const entry of diary.entries) {
        await prisma.timeLog.create({ data: { contractId: contract.id, minutes: entry.minutes } });
        //    ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      }
    }),
  );
}

export async function closeContracts(contracts: Contract[]) {
  await Promise.all(contracts.map((contract) => prisma.contract.update({ where: { id: contract.id }, data: { closed: true } })));
  //                                            ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
}
