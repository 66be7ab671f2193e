// valid
import { db } from '../db';
import type { CardRenderer } from '../insights/types';

export const htmlRenderer: CardRenderer = {
  async render(insight) {
    return `<p>${insight.dimensionKey}</p>`;
  },
};

export const templateRenderer: CardRenderer = {
  async render(insight) {
    const template = await db.cardTemplate.findUnique({ where: { key: insight.dimensionKey } });
    return template ? template.body.replace('{{id}}', insight.id) : insight.id;
  },
};
