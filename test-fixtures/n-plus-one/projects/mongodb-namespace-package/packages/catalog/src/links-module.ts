import { filterById, mongodb } from '@harbor/store';
import { emit } from '@harbor/engine';

export type CategoryLink = { _id: string; parentId: string; childId: string; sortKey: number };

export const configureLinksModule = ({ CategoryLinks }: { CategoryLinks: mongodb.Collection<CategoryLink> }) => ({
  findLinks: async (parentId: string, options?: mongodb.FindOptions) => CategoryLinks.find({ parentId }, options).toArray(),

  reorder: async (sortKeys: Array<{ linkId: string; sortKey: number }>) => {
    const ids = await Promise.all(
      sortKeys.map(async ({ linkId, sortKey }) => {
        await CategoryLinks.updateOne(filterById(linkId), { $set: { sortKey, updated: new Date() } });
        //    ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
        return linkId;
      }),
    );
    await emit('CATEGORY_REORDER_LINKS', { ids });
  },
});
