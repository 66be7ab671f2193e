// valid
import { Injectable } from '@nestjs/common';

export interface PostDraft {
  integrationId: string;
  content: string;
}

@Injectable()
export class PostValidator {
  /** Checks a draft against its channel's limits; reads no rows. */
  async validate(draft: PostDraft) {
    return { valid: draft.content.length > 0 && draft.content.length <= 280, message: `${draft.integrationId}: 1 to 280 characters` };
  }
}
