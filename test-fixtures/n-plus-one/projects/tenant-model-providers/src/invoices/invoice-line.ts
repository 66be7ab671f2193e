// valid
import { BaseModel } from '../models/base-model';
import { Searchable } from '../models/mixins';

export class InvoiceLine extends Searchable(BaseModel) {
  static get tableName() {
    return 'invoice_lines';
  }
}
