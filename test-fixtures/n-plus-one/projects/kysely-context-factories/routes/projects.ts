import type { AppContext, HandlerArgs } from '../context';

export function projectRoutes<T>(...[router, { queries }]: HandlerArgs<T>) {
  const {
    projects: { findProject },
  } = queries;
  return { router, open: async (ids: string[]) => Promise.all(ids.map(async (id) => findProject(id))) };
//                                                                                  ^^^^^^^^^^^ n-plus-one
}

export function ownerRoutes<T>(...[router, context]: HandlerArgs<T>) {
  const { queries } = context;
  return {
    router,
    owners: async (ids: string[]) => {
      const owners = [];
      for (const id of ids) owners.push((await queries.projects.findProject(id))?.ownerId);
//                                             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      return owners;
    },
  };
}

export const archive = async (context: AppContext, ids: string[]) => {
  for (const id of ids) {
    await context.queries.projects.findProject(id);
//        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
};
