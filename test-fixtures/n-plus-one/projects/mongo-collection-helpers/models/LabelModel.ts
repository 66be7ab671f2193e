// valid
import { BaseModel } from './BaseModel';

export interface LabelDoc {
  id: string;
  text: string;
}

export class LabelModel extends BaseModel<LabelDoc> {
  protected collectionName = 'labels';
}
