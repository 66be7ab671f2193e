// Awaiting a function of another file that only loads a module, or hands out one it keeps in a module-level cache, waits for
// nothing after the first load: those loops are not reported. A loader that also fetches a manifest is.
import { chartTypeByKey, chartTypeWithManifest, themeByKey, type ChartType } from './chart-types';

export async function describeChartTypes(keys: string[]): Promise<string[]> {
  const descriptions: string[] = [];
  for (const key of keys) {
    const chartType = await chartTypeByKey(key);
    descriptions.push(chartType.describe());
  }
  return descriptions;
}

export async function themeStyles(keys: string[]): Promise<string> {
  let css = '';
  for (const key of keys) {
    css += (await themeByKey(key)).css;
  }
  return css;
}

export async function chartTypesWithManifests(keys: string[]): Promise<ChartType[]> {
  const chartTypes: ChartType[] = [];
  for (const key of keys) {
    chartTypes.push(await chartTypeWithManifest(key));
//                  ^^^^^ await-in-loop
  }
  return chartTypes;
}
