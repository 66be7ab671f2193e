// A loop whose call is a method of the class that runs its queries on the request's transaction
// stays in order: one connection serves them all. A method that queries the plain client is reported.

interface FieldRow {
  id: string;
  name: string;
}

interface Client {
  field: {
    upsert(args: object): Promise<FieldRow>;
    findFirst(args: object): Promise<FieldRow | null>;
  };
}

interface DatabaseService {
  txClient(): Client;
  client: Client;
}

declare function notifyRenamed(field: FieldRow): Promise<void>;

export class FieldService {
  constructor(private readonly database: DatabaseService) {}

  async createAll(tableId: string, fields: FieldRow[]): Promise<FieldRow[]> {
    const created: FieldRow[] = [];
    for (const field of fields) {
      created.push(await this.save(tableId, field));
    }
    return created;
  }

  async announceAll(fields: FieldRow[]): Promise<void> {
    for (const field of fields) {
      await this.announce(field);
//    ^^^^^ await-in-loop
    }
  }

  private async save(tableId: string, field: FieldRow): Promise<FieldRow> {
    return this.database.txClient().field.upsert({ where: { id: field.id }, create: { ...field, tableId }, update: field });
  }

  private async announce(field: FieldRow): Promise<void> {
    const current = await this.database.client.field.findFirst({ where: { id: field.id } });
    if (current) await notifyRenamed(current);
  }
}
