import { noteMonitor } from './note';

export async function noteMonitors(ids: number[], action: string) {
  for (const id of ids) {
    await noteMonitor(id, action);
//        ^^^^^^^^^^^ n-plus-one
  }
}
