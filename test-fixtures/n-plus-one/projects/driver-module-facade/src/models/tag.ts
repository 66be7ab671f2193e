// valid
import db from "../db/index.js";

type Entity = { id: number; name: string };

// Tables are loaded once at start-up and looked up in memory afterwards.
const tableCache = new Map<number, Entity>();

export class Table {
  static findOne(where: { id: number }): Entity | undefined {
    return tableCache.get(where.id);
  }
}

export class TagEntry {
  static async create(entry: { tag_id: number; table_id: number }): Promise<number> {
    return await db.insert("_sc_tag_entries", entry);
  }
}

export default class Tag {
  id: number;
  name: string;

  constructor(row: { id: number; name: string }) {
    this.id = row.id;
    this.name = row.name;
  }

  static async findOne(where: { id: number }): Promise<Tag> {
    return new Tag(await db.selectOne("_sc_tags", where));
  }

  static async find(where: Record<string, unknown>): Promise<Tag[]> {
    const rows = await db.select("_sc_tags", where);
    return rows.map((row) => new Tag(row));
  }
}
