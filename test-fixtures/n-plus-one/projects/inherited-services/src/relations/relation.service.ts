import { Injectable } from '@nestjs/common';
import { BlockTypeService } from '../blocks/block-type.service';
import { BlockService } from '../blocks/block.service';
import { PrismaService } from '../prisma.service';

interface Relation {
  id: string;
  relatedResourceIds: string[];
}

@Injectable()
export class RelationService extends BlockTypeService<Relation> {
  blockType = 'Relation';

  constructor(
    protected readonly blockService: BlockService,
    private readonly prisma: PrismaService,
  ) {
    super(blockService);
  }

  async refreshWorkspace(workspaceId: string) {
    const resources = await this.prisma.resource.findMany({ where: { project: { workspaceId } } });
    for (const resource of resources) {
      await this.refreshResource(resource.id);
//          ^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async refreshResource(resourceId: string) {
    const relations = await this.findMany({ where: { resourceId } });
    await this.prisma.relationCache.deleteMany({ where: { parentResourceId: resourceId } });
    await this.prisma.relationCache.createMany({
      data: relations.flatMap((relation) => relation.relatedResourceIds.map((childResourceId) => ({ parentResourceId: resourceId, childResourceId }))),
    });
  }

  async relatedOf(resourceIds: string[]) {
    return Promise.all(resourceIds.map((resourceId) => this.findMany({ where: { resourceId } })));
//                                                     ^^^^^^^^^^^^^ n-plus-one
  }

  async summaries(relations: Relation[]) {
    const lines: string[] = [];
    for (const relation of relations) {
      lines.push(await this.describe(relation));
    }
    return lines;
  }
}
