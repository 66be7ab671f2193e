// valid
import type { Entity } from 'dynamodb-toolbox';
import type { Session, SessionStore } from '../ports';

export function createIndexedSessionStore(entity: Entity<any>): SessionStore {
  const find = async (id: string): Promise<Session | null> => {
    const { Item } = await entity.get({ PK: `S#${id}`, SK: 'B' });
    return (Item as Session | undefined) ?? null;
  };
  const remove = async (id: string): Promise<void> => {
    await entity.delete({ PK: `S#${id}`, SK: 'B' });
  };
  return { find, remove };
}
