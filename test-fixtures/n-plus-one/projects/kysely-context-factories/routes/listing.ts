// valid
import type { AppContext, HandlerArgs } from '../context';

export function listingRoutes<T>(...[router, { queries }]: HandlerArgs<T>) {
  return {
    router,
    list: async (ids: string[]) => {
      const projects = await queries.projects.findProjects(ids);
      return projects.map((project) => queries.projects.slugOf(project.name));
    },
  };
}

export const regions = (context: AppContext, ids: string[]) => ids.map((id) => `${context.region}/${id}`);
