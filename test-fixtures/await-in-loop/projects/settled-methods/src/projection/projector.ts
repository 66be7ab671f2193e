// valid
// A port whose projections hand back a plain object: awaiting one waits for nothing. Loading is work.
export interface Projector<T> {
  projectSimple(item: T): Record<string, unknown>;
  projectMany(items: T[]): Array<Record<string, unknown>>;
  load(id: string): Promise<T>;
}
