import type { ModelRegistry } from '../context';

export class LabelService {
  constructor(private readonly registry: ModelRegistry) {}

  async labelsOf(ids: string[]) {
    const labels = [];
    for (const id of ids) {
      labels.push(await this.registry.labels.getById(id));
//                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return labels;
  }

  // Answered from the model's map of labels it has read: once per distinct id.
  async rememberedLabels(ids: string[]) {
    return Promise.all(ids.map((id) => this.registry.labels.getRemembered(id)));
  }
}
