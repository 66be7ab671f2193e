// valid
import { conn } from './connection';

export const getLink = async (domain: string, key: string) => {
  const { rows } = await conn.execute('SELECT * FROM links WHERE domain = ? AND `key` = ?', [domain, key]);
  return rows[0] ?? null;
};
