import type { RequestContext } from 'core/context';
import type { Webhook } from 'core/models/WebhookModel';

// Each delivery waits on the receiving server: a concurrency finding, not an N+1.
export async function deliverAll(context: RequestContext, webhooks: Webhook[], payload: unknown) {
  for (const webhook of webhooks) {
    await context.models.webhooks.deliver(webhook, payload);
//  ^^^^^ await-in-loop
  }
}
