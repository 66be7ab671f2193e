// valid
import { defineModel } from './base-model';

export interface Label {
  id: string;
  text: string;
}

const LabelBase = defineModel<Label>('labels');

export class LabelModel extends LabelBase {
  private readonly seen = new Map<string, Label | null>();

  async getRemembered(id: string) {
    const remembered = this.seen.get(id);
    if (remembered) return remembered;
    const label = await this.getById(id);
    this.seen.set(id, label);
    return label;
  }
}
