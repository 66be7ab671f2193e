// valid
import type { EntityTarget, Repository } from 'typeorm';
import { DataSource } from 'typeorm';

const dataSource = new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  entities: ['server/entity/**/*.ts'],
});

export const getRepository = <Entity extends object>(target: EntityTarget<Entity>): Repository<Entity> => {
  return dataSource.getRepository(target);
};

export const getSetting = <Value>(settings: Map<string, Value>, key: string): Value | undefined => settings.get(key);

export default dataSource;
