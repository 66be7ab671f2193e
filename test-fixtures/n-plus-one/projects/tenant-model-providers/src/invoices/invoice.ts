// valid
import { TenantModel } from '../models/tenant-model';

export class Invoice extends TenantModel {
  static get tableName() {
    return 'invoices';
  }
}
