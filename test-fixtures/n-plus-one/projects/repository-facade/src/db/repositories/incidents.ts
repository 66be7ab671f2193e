// valid
import { BaseRepository } from './base';

export class IncidentsRepository extends BaseRepository {
  async getIncidentMonitors(incidentId: number) {
    return this.knex('incident_monitors').select('monitor_tag', 'impact').where('incident_id', incidentId);
  }

  async removeIncidentMonitor(incidentId: number, monitorTag: string) {
    return this.knex('incident_monitors').where({ incident_id: incidentId, monitor_tag: monitorTag }).del();
  }

  formatTitle(incident: { title: string }) {
    return incident.title.trim();
  }
}
