// valid
import type { IPaymentGateway } from '../domain/interfaces/payment-gateway.interface';
import { prisma } from './prisma';

/** Two gateways of one port: which one runs is the container's choice. */
export class LedgerPaymentGateway implements IPaymentGateway {
  async charge(invoiceId: string): Promise<void> {
    await prisma.ledgerEntry.create({ data: { invoiceId } });
  }
}

export class SandboxPaymentGateway implements IPaymentGateway {
  async charge(invoiceId: string): Promise<void> {
    console.info(`charged ${invoiceId}`);
  }
}
