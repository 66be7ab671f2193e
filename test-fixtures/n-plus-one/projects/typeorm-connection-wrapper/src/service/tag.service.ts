import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionalConnection } from '../connection/transactional-connection';
import { Tag } from '../entity/tag.entity';
import { RequestContext } from './request-context';

@Injectable()
export class TagService {
  constructor(private connection: TransactionalConnection) {}

  async valuesToTags(ctx: RequestContext, values: string[]): Promise<Tag[]> {
    const tags: Tag[] = [];
    for (const value of values) {
      tags.push(await this.tagValueToTag(ctx, value));
//                    ^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return tags;
  }

  async renameAll(ctx: RequestContext, ids: number[], suffix: string) {
    const tags = await this.connection.getRepository(ctx, Tag).find({ where: { id: In(ids) } });
    await Promise.all(tags.map((tag) => this.connection.getRepository(ctx, Tag).save({ ...tag, value: tag.value + suffix })));
//                                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }

  async createTag(ctx: RequestContext, value: string): Promise<Tag> {
    const tag = new Tag({ value });
    return this.connection.getRepository(ctx, Tag).save(tag);
  }

  private async tagValueToTag(ctx: RequestContext, value: string): Promise<Tag> {
    return this.connection.getRepository(ctx, Tag).save(new Tag({ value }));
  }
}
