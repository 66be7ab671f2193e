import db, { lookups } from '../db/db';
import { monitors } from '../db/repositories/monitors';

export async function incidentsWithMonitors(incidents: { id: number; title: string }[]) {
  const result = [];
  for (const incident of incidents) {
    const monitors = await db.getIncidentMonitors(incident.id);
//                         ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    result.push({ ...incident, title: db.formatTitle(incident), monitors });
  }
  return result;
}

export async function detachMonitors(incidentId: number, tags: string[]) {
  for (const tag of tags) {
    await db.removeIncidentMonitor(incidentId, tag);
//        ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function checkTags(tags: string[]) {
  for (const tag of tags) {
    if (!(await db.getMonitorByTag(tag))) throw new Error(`Unknown monitor ${tag}`);
//              ^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function resolveTags(tags: string[]) {
  const found = [];
  for (const tag of tags) found.push(await lookups.monitorByTag(tag));
//                                         ^^^^^^^^^^^^^^^^^^^^ n-plus-one
  return found;
}

export function titles(incidents: { title: string }[]) {
  return incidents.map((incident) => db.formatTitle(incident));
}

export async function monitorsByTag(tags: string[]) {
  return Promise.all(tags.map((tag) => monitors.getMonitorByTag(tag)));
//                                     ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
}
