import { Store } from '@dashboard/storage';
import type { Sources } from '../sources/types';

export const buildResolvers = {
  Mutation: {
    removeBuilds: async (_: unknown, { buildIds }: { buildIds: string[] }, { dataSources }: { dataSources: Sources }) => {
      await Promise.all(buildIds.map((buildId) => dataSources.builds.removeSpecs(buildId)));
//                                                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      for (const buildId of buildIds) {
        await Store.audits().insertOne({ buildId, action: 'removed' });
//            ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      }
      for (const buildId of buildIds) await dataSources.builds.archiveSpecs(buildId);
//                                          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      return buildIds.map((buildId) => dataSources.builds.label(buildId));
    },
  },
};
