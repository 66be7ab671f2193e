import type { AccountDatabase, Database, Tables } from '../db';

export class ActorService {
  constructor(private readonly db: Database) {}

  async handle(did: string) {
    return this.db.db.selectFrom('actor').select('handle').where('did', '=', did).executeTakeFirst();
  }

  async reindex(dids: string[], indexedAt: string) {
    for (const did of dids) {
      await this.db.db.updateTable('actor').set({ indexedAt }).where('did', '=', did).execute();
//          ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }
}

export async function copyActors(account: AccountDatabase<Tables>, actors: Tables['actor'][]) {
  for (const actor of actors) {
    await account.db.insertInto('actor').values(actor).execute();
//        ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}
