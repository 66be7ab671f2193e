import type { HandlerArgs } from '../context';

export function memberRoutes<T>(...args: HandlerArgs<T>) {
  const [router, { queries: { projects } }] = args;
  return {
    router,
    owners: async (ids: string[]) => {
      const owners = [];
      for (const id of ids) owners.push((await projects.findProject(id))?.ownerId);
//                                             ^^^^^^^^^^^^^^^^^^^^ n-plus-one
      return owners;
    },
    slugs: async (ids: string[]) => {
      const found = await projects.findProjects(ids);
      return found.map((project) => projects.slugOf(project.name));
    },
  };
}

export function inviteRoutes<T>(...args: HandlerArgs<T>) {
  const [router, context] = args;
  return {
    router,
    open: async (ids: string[]) => Promise.all(ids.map(async (id) => context.queries.projects.findProject(id))),
//                                                                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  };
}
