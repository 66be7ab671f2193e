import type { CardRenderer, PersistedInsight } from '../insights/types';

export async function renderDigest(renderer: CardRenderer, insights: PersistedInsight[]) {
  const cards: string[] = [];
  for (const insight of insights) {
    cards.push(await renderer.render(insight));
//             ^^^^^ await-in-loop
  }
  return cards.join('\n');
}
