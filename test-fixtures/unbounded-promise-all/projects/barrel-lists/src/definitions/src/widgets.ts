// valid
import type { WidgetKind } from './kinds';

export interface WidgetConfig {
  kind: WidgetKind;
  width: number;
  height: number;
}

/** The widgets a new board starts with, written here. */
export const defaultWidgetConfigs: WidgetConfig[] = [
  { kind: 'clock', width: 2, height: 1 },
  { kind: 'weather', width: 2, height: 1 },
  { kind: 'bookmarks', width: 2, height: 2 },
];

declare function installedPluginWidgets(): WidgetConfig[];

/** The widgets of the installed plugins: as many as were installed. */
export const pluginWidgets: WidgetConfig[] = installedPluginWidgets();
