import { BaseService } from './base.service';

export class ArchiveSchedulesService extends BaseService {
  async call(scheduleIds: string[]) {
    for (const id of scheduleIds) {
      await this.db.schedule.update({ where: { id }, data: { archivedAt: new Date() } });
//          ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return scheduleIds.map((id) => this.labels.get(id) ?? id);
  }
}
