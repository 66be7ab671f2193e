// valid
import type { Knex } from 'knex';
import knex from 'knex';
import { IncidentsRepository } from './repositories/incidents';
import { monitors } from './repositories/monitors';

/** One object for every query of the application: each member is a repository's method. */
class Database {
  private incidents!: IncidentsRepository;

  getIncidentMonitors!: IncidentsRepository['getIncidentMonitors'];
  removeIncidentMonitor!: IncidentsRepository['removeIncidentMonitor'];
  formatTitle!: IncidentsRepository['formatTitle'];
  getMonitorByTag = monitors.getMonitorByTag.bind(monitors);

  constructor(config: Knex.Config) {
    this.incidents = new IncidentsRepository(knex(config));
    this.bindIncidentMethods();
  }

  private bindIncidentMethods(): void {
    this.getIncidentMonitors = this.incidents.getIncidentMonitors.bind(this.incidents);
    this.removeIncidentMonitor = this.incidents.removeIncidentMonitor.bind(this.incidents);
    this.formatTitle = this.incidents.formatTitle.bind(this.incidents);
  }
}

export default Database;
