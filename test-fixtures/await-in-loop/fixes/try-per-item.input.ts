declare function loadConfig(path: string): Promise<{ name: string }>;

export async function loadAll(paths: string[]): Promise<string[]> {
  const names: string[] = [];
  for (const path of paths) {
    try {
      const config = await loadConfig(path);
      names.push(config.name);
    } catch (error) {
      console.warn(`skipping ${path}: ${(error as Error).message}`);
    }
  }
  return names;
}
