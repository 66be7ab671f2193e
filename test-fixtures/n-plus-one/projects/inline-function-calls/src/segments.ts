import { prisma, recheckAudience } from './audiences';

export async function recheckSegment(customerIds: string[]) {
  for (const customerId of customerIds) {
    (async () => { const customer = await prisma.customer.findUniqueOrThrow({ where: { id: customerId } }); await recheckAudience(customer.id); })();
//   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}
