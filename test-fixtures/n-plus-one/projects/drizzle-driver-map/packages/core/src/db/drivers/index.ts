// valid
import { selectDriver } from '../select-driver';
import { createPostgresDb } from './postgres';
import { createSqliteDb } from './sqlite';

export const createDb = <S extends Record<string, unknown>>(schema: S) => {
  const frozen = Object.freeze(schema);
  return selectDriver({
    postgres: () => createPostgresDb(frozen),
    sqlite: () => createSqliteDb(frozen),
  });
};
