import { injectable } from 'inversify';
import { prisma } from '../db';

/** A controller injects it: a request runs it. */
@injectable()
export class RenameTags {
  async execute(tags: { id: string; name: string }[]): Promise<void> {
    for (const tag of tags) {
      await prisma.tag.update({ where: { id: tag.id }, data: { name: tag.name } });
//          ^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }
}
