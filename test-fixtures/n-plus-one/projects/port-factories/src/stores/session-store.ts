// valid
import type { Entity } from 'dynamodb-toolbox';
import type { Session, SessionStore } from '../ports';

export const createSessionStore = (entity: Entity<any>): SessionStore => {
  const find = async (id: string): Promise<Session | null> => {
    const { Item } = await entity.get({ PK: `SESSION#${id}`, SK: 'A' });
    return (Item as Session | undefined) ?? null;
  };
  const remove = async (id: string): Promise<void> => {
    await entity.delete({ PK: `SESSION#${id}`, SK: 'A' });
  };
  return { find, remove };
};
