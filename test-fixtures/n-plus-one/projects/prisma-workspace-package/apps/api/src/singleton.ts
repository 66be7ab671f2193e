// valid
const instances = globalThis as unknown as Record<string, unknown>;

export function singleton<T>(name: string, create: () => T): T {
  instances[name] ??= create();
  return instances[name] as T;
}
