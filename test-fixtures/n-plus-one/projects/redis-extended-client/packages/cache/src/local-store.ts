// valid
export interface LocalStore extends Map<string, string> {
  persist(key: string): Promise<void>;
}

let store: LocalStore | undefined;

export function getLocalStore(): LocalStore {
  store ??= Object.assign(new Map<string, string>(), { persist: async (key: string) => void key });
  return store;
}
