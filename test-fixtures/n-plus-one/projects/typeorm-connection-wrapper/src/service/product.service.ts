import { Injectable } from '@nestjs/common';
import { RequestContext } from './request-context';
import { TagService } from './tag.service';

@Injectable()
export class ProductService {
  constructor(private tagService: TagService) {}

  async addTags(ctx: RequestContext, values: string[]) {
    const ids: number[] = [];
    for (const value of values) {
      const tag = await this.tagService.createTag(ctx, value);
//                      ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      ids.push(tag.id);
    }
    return ids;
  }
}
