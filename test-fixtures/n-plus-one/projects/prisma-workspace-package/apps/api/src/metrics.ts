// valid
const labels = new WeakMap<object, string>();

export function withMetrics<T extends object>(client: T, label: string): T {
  labels.set(client, label);
  return client;
}
