// valid
import { inject, injectable } from 'inversify';
import TYPES from '../Bootstrap/Types';
import type { RenameTags } from '../UseCase/RenameTags';

@injectable()
export class TagsController {
  constructor(@inject(TYPES.RenameTags) private renameTags: RenameTags) {}

  async rename(body: { tags: { id: string; name: string }[] }): Promise<void> {
    await this.renameTags.execute(body.tags);
  }
}
