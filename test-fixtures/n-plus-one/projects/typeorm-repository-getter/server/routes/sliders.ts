import { getRepository, getSetting } from '@server/datasource';
import Slider from '@server/entity/Slider';

export async function reorderSliders(sliders: Slider[]): Promise<void> {
  const sliderRepository = getRepository(Slider);
  for (const [position, slider] of sliders.entries()) {
    const existing = await sliderRepository.findOne({ where: { id: slider.id } });
//                         ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    if (existing) {
      existing.order = position;
      await sliderRepository.save(existing);
//          ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }
}

export function sliderLabels(settings: Map<string, string>, keys: string[]): string[] {
  const labels: string[] = [];
  for (const key of keys) {
    labels.push(getSetting(settings, key) ?? key);
  }
  return labels;
}
