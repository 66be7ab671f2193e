// valid
import { DashboardModel } from 'core/models/DashboardModel';
import { WebhookModel } from 'core/models/WebhookModel';

export class RequestContext {
  readonly models = {
    dashboards: new DashboardModel(this),
    webhooks: new WebhookModel(this),
  };

  constructor(
    readonly orgId: string,
    private readonly role: 'reader' | 'editor',
  ) {}

  canWrite() {
    return this.role === 'editor';
  }
}
