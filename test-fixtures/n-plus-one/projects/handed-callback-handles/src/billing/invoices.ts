// valid
import { serializable } from './client';

export async function markPaid(tenantId: string, invoiceId: string): Promise<void> {
  await serializable((client) => client.invoice.update({ where: { id: invoiceId, tenantId }, data: { paid: true } }));
}
