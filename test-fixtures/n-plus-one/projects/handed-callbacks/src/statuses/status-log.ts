import { prisma } from '../db';

interface StatusRecord {
  messageId: string;
  state: 'delivered' | 'opened';
  at: Date;
}

export class StatusLog {
  async insertStatuses(records: StatusRecord[]): Promise<void> {
    await prisma.messageStatus.createMany({ data: records });
  }

  async recordDeliveries(receipts: Array<{ messageId: string; opened: boolean }>): Promise<void> {
    for (const receipt of receipts) {
      const record: StatusRecord = { messageId: receipt.messageId, state: receipt.opened ? 'opened' : 'delivered', at: new Date() };
      await this.insertStatuses([record]);
//          ^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async recordAll(receipts: Array<{ messageId: string; opened: boolean }>): Promise<void> {
    const records = receipts.map((receipt): StatusRecord => ({ messageId: receipt.messageId, state: receipt.opened ? 'opened' : 'delivered', at: new Date() }));
    await this.insertStatuses(records);
  }
}
