// valid
import { BaseModel } from 'core/models/BaseModel';

export interface Dashboard {
  id: string;
  title: string;
  pinned?: boolean;
}

export class DashboardModel extends BaseModel<Dashboard> {
  protected readonly config = { collectionName: 'dashboards' };
}
