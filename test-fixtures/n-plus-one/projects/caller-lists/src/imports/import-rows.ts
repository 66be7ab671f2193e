// Every caller hands over a batch of 100 rows, but the batches add up to one insert per row of the whole import.
import { prisma } from '../db';

export async function importRows(rows: Array<{ email: string }>) {
  for (const row of rows) {
    await prisma.contact.create({ data: { email: row.email } });
    //    ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}
