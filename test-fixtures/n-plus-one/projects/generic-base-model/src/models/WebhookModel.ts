// valid
import { BaseModel } from 'core/models/BaseModel';

export interface Webhook {
  id: string;
  url: string;
  sentAt?: Date;
}

export class WebhookModel extends BaseModel<Webhook> {
  protected readonly config = { collectionName: 'webhooks' };

  // Each call waits on the receiving server as much as on the write.
  async deliver(webhook: Webhook, payload: unknown) {
    await fetch(webhook.url, { method: 'POST', body: JSON.stringify(payload) });
    return this.update(webhook, { sentAt: new Date() });
  }
}
