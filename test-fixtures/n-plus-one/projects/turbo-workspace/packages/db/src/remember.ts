// valid
const store = globalThis as unknown as Record<string, unknown>;

export function remember<T>(name: string, create: () => T): T {
  store[name] ??= create();
  return store[name] as T;
}
