// valid
import type { Entity } from './toolbox';

export interface ReadItemParams {
  entity: Entity<any>;
  keys: { PK: string; SK: string };
}

/** One item by its full key, or null. */
export const readItem = async <T>(params: ReadItemParams): Promise<T | null> => {
  const { entity, keys } = params;
  const result = await entity.get(keys, { execute: true });
  return (result?.Item as T | undefined) ?? null;
};
