// A loop binding named for batches: chunks cut from one list go one at a time on purpose, while records declared
// per tenant (each holding that tenant's messages) are independent work whatever the name says.

interface OutgoingMessage {
  id: string;
  to: string;
}

type TenantSendBatch = {
  tenantId: string;
  messages: OutgoingMessage[];
};

declare function sendTenantMessages(batch: TenantSendBatch): Promise<void>;
declare function sendMessages(messages: OutgoingMessage[]): Promise<void>;
declare function reportError(error: unknown): void;

export async function processSendPlan(plan: TenantSendBatch[]): Promise<void> {
  for (const batch of plan) {
    try {
      await sendTenantMessages(batch);
//    ^^^^^ await-in-loop
    } catch (error) {
      reportError(error);
    }
  }
}

export async function sendInBatches(batches: OutgoingMessage[][]): Promise<void> {
  for (const batch of batches) {
    await sendMessages(batch);
  }
}
