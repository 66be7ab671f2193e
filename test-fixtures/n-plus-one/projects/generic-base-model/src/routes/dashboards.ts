import type { RequestContext } from 'core/context';
import type { Dashboard } from 'core/models/DashboardModel';

export async function pinDashboards(context: RequestContext, dashboards: Dashboard[]) {
  for (const dashboard of dashboards) {
    await context.models.dashboards.update(dashboard, { pinned: true });
//        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function removeDashboards(context: RequestContext, dashboards: Dashboard[]) {
  for (const dashboard of dashboards) {
    await context.models.dashboards.delete(dashboard);
//        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function loadDashboards(context: RequestContext, ids: string[]) {
  return Promise.all(ids.map((id) => context.models.dashboards.getById(id)));
//                                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
}

// Each archive call waits on the archive service: a concurrency finding, not an N+1.
export async function archiveDashboards(context: RequestContext, dashboards: Dashboard[]) {
  for (const dashboard of dashboards) {
    await context.models.dashboards.archive(dashboard);
//  ^^^^^ await-in-loop
  }
}

// Checked in memory: no query per item.
export function checkDashboards(context: RequestContext, dashboards: Dashboard[]) {
  return dashboards.map((dashboard) => context.models.dashboards.validate(dashboard));
}

// Answered from what the model has already read: no query per item.
export function loadedDashboards(context: RequestContext, ids: string[]) {
  return ids.map((id) => context.models.dashboards.getLoaded(id));
}
