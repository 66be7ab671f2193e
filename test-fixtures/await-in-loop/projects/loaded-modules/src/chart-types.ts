// valid
// Chart types loaded on first use and kept by name: after a chart type's first load, asking for it again waits for nothing.
export interface ChartType {
  key: string;
  describe(): string;
}

const loaded: Record<string, ChartType> = {};

export async function chartTypeByKey(key: string): Promise<ChartType> {
  if (!loaded[key]) loaded[key] = (await import(`./charts/${key}/index.js`)).default as ChartType;
  return loaded[key]!;
}

export async function themeByKey(key: string): Promise<{ css: string }> {
  const theme = await import(`./themes/${key}.js`);
  return theme.default;
}

export async function chartTypeWithManifest(key: string): Promise<ChartType> {
  const chartType = (await import(`./charts/${key}/index.js`)).default as ChartType;
  await fetch(`https://charts.example.com/${key}/manifest.json`);
  return chartType;
}
