import { Injectable } from '@nestjs/common';
import { IntegrationRepository } from '@billing/publishing/integration.repository';
import { PostValidator, type PostDraft } from '@billing/publishing/post-validator';

@Injectable()
export class ScheduleTool {
  constructor(
    private readonly integrations: IntegrationRepository,
    private readonly validator: PostValidator,
  ) {}

  /** Stops at the first invalid draft; the integration read before it does not decide that. */
  async schedule(drafts: PostDraft[]) {
    const channels: Record<string, unknown> = {};
    for (const draft of drafts) {
      channels[draft.integrationId] = await this.integrations.findById(draft.integrationId);
//                                          ^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      const check = await this.validator.validate(draft);
      if (!check.valid) return { errors: check.message };
    }
    return { channels };
  }

  /** Stops at the first channel that is gone: the read decides, one at a time. */
  async firstMissing(drafts: PostDraft[]) {
    for (const draft of drafts) {
      const integration = await this.integrations.findById(draft.integrationId);
      const missing = integration === null;
      if (missing) return draft.integrationId;
    }
    return undefined;
  }

  /** A write after the first invalid draft must not happen: the writes stay one by one. */
  async publish(drafts: PostDraft[]) {
    for (const draft of drafts) {
      const check = await this.validator.validate(draft);
      if (!check.valid) return { errors: check.message };
      await this.integrations.createPost(draft.integrationId, draft.content);
    }
    return { published: drafts.length };
  }
}
