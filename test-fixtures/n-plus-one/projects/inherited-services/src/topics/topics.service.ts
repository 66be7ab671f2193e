import { Injectable } from '@nestjs/common';
import { BlockTypeService } from '../blocks/block-type.service';

interface Topic {
  id: string;
  name: string;
}

@Injectable()
export class TopicsService extends BlockTypeService<Topic> {
  blockType = 'Topic';

  async delete(args: { where: { id: string } }, userId: string): Promise<unknown> {
    if (!args.where.id) throw new Error('a topic to delete needs an id');
    return super.delete(args, userId);
  }

  async deleteForBroker(topicIds: string[], userId: string) {
    const settled = await Promise.allSettled(topicIds.map((id) => super.delete({ where: { id } }, userId)));
//                                                                ^^^^^^^^^^^^ n-plus-one
    return settled.filter((result) => result.status === 'rejected').length;
  }

  async labels(topics: Topic[]) {
    return Promise.all(topics.map((topic) => super.describe(topic)));
//         ^^^^^^^^^^^ unbounded-promise-all
  }
}
