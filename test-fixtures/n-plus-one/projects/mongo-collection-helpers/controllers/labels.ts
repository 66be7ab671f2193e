import type { LabelModel } from '../models/LabelModel';

export async function labelsOf(labels: LabelModel, labelIds: string[]) {
  return Promise.all(labelIds.map((id) => labels.getById(id)));
//                                        ^^^^^^^^^^^^^^ n-plus-one
}

export async function copyLabels(labels: LabelModel, texts: string[]) {
  for (const text of texts) {
    await labels.create({ id: text.toLowerCase(), text });
//        ^^^^^^^^^^^^^ n-plus-one
  }
}

// A cached read per item: no query while the cache holds it.
export function cachedLabels(cache: Map<string, { id: string; text: string }>, labelIds: string[]) {
  return labelIds.map((id) => cache.get(id));
}
