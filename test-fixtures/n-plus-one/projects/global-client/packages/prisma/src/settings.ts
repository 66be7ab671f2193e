// valid
const globalForSettings = globalThis as unknown as { settings?: Map<string, string> };

export const settings = (globalForSettings.settings ??= new Map<string, string>());
