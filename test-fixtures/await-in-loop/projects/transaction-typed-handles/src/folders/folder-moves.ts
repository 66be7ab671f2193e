import type { CompiledQuery } from 'kysely';
import type { Db } from '../db/types';
import type { UnitOfWork } from '../db/unit-of-work';
import type { Folder, FolderRepository } from './folder.repository';

interface Mailer {
  send(to: string, text: string): Promise<void>;
}

export class FolderMoves {
  constructor(
    private readonly db: Db,
    private readonly unitOfWork: UnitOfWork,
    private readonly folders: FolderRepository,
    private readonly mailer: Mailer,
  ) {}

  /** Each copy is linked to the one target folder on the transaction: the writes take turns on its connection. */
  async copyInto(target: Folder, sources: string[]): Promise<void> {
    for (const sourceId of sources) {
      const source = await this.folders.findById(sourceId);
//                         ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      await this.folders.link(target, source);
//          ^^^^^^^^^^^^^^^^^ n-plus-one
      await this.folders.touch(target);
    }
  }

  /** Schema steps on the transaction, whatever the variable is called. */
  async addArchiveColumns(tables: string[]): Promise<void> {
    const qb = this.unitOfWork.current();
    for (const table of tables) {
      await qb.schema.alterTable(table).addColumn('archived', 'boolean').execute();
    }
  }

  /** Statements compiled in order (a DELETE, then its INSERTs) run in that order. */
  async replay(statements: CompiledQuery[]): Promise<void> {
    for (const statement of statements) {
      await this.db.executeQuery(statement);
    }
  }

  async notifyOwners(owners: string[]): Promise<void> {
    for (const owner of owners) {
      await this.mailer.send(owner, 'Your folders moved');
//    ^^^^^ await-in-loop
    }
  }
}
