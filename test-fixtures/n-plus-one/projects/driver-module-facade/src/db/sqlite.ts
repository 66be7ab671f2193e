// valid
import sqlite3 from "sqlite3";

let database: sqlite3.Database | null = null;

export const init = (connection: { filename: string }): void => {
  database = new sqlite3.Database(connection.filename);
};

export const select = (table: string, where: Record<string, unknown>): Promise<any[]> =>
  new Promise((resolve, reject) => {
    const keys = Object.keys(where);
    const sql = `SELECT * FROM "${table}" WHERE ${keys.map((key) => `"${key}" = ?`).join(" AND ")}`;
    database!.all(sql, keys.map((key) => where[key]), (error, rows) => (error ? reject(error) : resolve(rows)));
  });

export const slugify = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, "-");
