import { PrismaClient } from '@prisma/client';
import { defaultWidgetConfigs, pluginWidgets, type WidgetConfig } from '../definitions';

const prisma = new PrismaClient();

declare function renderPreview(config: WidgetConfig): Promise<string>;

/** Places the default widgets on a new board: one insert per widget the definitions write. */
export async function placeDefaultWidgets(boardId: string): Promise<void> {
  for (const config of defaultWidgetConfigs) {
    await prisma.item.create({ data: { boardId, kind: config.kind, width: config.width, height: config.height } });
  }
  await Promise.all(defaultWidgetConfigs.map((config) => renderPreview(config)));
}

/** Renders a preview of every widget plugins added. */
export async function previewPluginWidgets(): Promise<string[]> {
  return Promise.all(pluginWidgets.map((config) => renderPreview(config)));
  //     ^^^^^^^^^^^ unbounded-promise-all
}
