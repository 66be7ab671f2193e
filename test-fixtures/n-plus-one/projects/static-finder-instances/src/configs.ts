// valid
import Collection from './collection';

interface Described {
  update(id: number, values: Record<string, unknown>): Promise<void>;
}

// A static method that hands out something other than its own class: its result's methods are not the class's.
export async function describeAll(names: string[]) {
  const result: unknown[] = [];
  for (const name of names) {
    const config = Collection.describe(name) as unknown as Described;
    result.push(await config.update(1, {}));
  }
  return result;
}
