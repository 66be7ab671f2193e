// Rows inserted into a database table (`insert('events', rows)`, `insert({ table, values })`) are writes that could
// overlap, not items added in order to a list or a queue held outside the loop; those adds stay quiet.
import warehouse from './warehouse';
import { events } from './event-store';

interface PageView {
  path: string;
  visitorId: string;
}

export async function copyViews(views: PageView[]): Promise<void> {
  for (const view of views) {
    await warehouse.insert('page_views', [view]);
//  ^^^^^ await-in-loop
  }
}

export async function copyViewsAsRows(views: PageView[]): Promise<void> {
  for (const view of views) {
    await events.insert({ table: 'page_views', values: [view], format: 'JSONEachRow' });
//  ^^^^^ await-in-loop
  }
}

export async function queueViews(views: PageView[]): Promise<void> {
  for (const view of views) {
    await events.insert(view);
  }
}

export async function addToPending(views: PageView[]): Promise<void> {
  for (const view of views) {
    await warehouse.add('pending', view);
  }
}
