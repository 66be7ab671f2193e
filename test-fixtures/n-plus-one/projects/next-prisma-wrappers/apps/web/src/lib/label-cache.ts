// valid
const labels = new Map<string, string>();

export const labelCache = {
  async get(name: string): Promise<string | undefined> {
    return labels.get(name);
  },
};
