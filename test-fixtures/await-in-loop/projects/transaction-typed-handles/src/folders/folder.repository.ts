// valid
import type { UnitOfWork } from '../db/unit-of-work';

export interface Folder {
  id: string;
  parentId: string | null;
  name: string;
}

export class FolderRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async findById(id: string): Promise<Folder | undefined> {
    const row = await this.unitOfWork.current().selectFrom('folder').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { id: row.id, parentId: row.parent_id, name: row.name };
  }

  async link(target: Folder, source: Folder | undefined): Promise<void> {
    if (!source) return;
    await this.unitOfWork.current().updateTable('document').set({ folder_id: target.id }).where('folder_id', '=', source.id).execute();
  }

  async touch(folder: Folder): Promise<void> {
    await this.unitOfWork.current().updateTable('folder').set({ touched_at: new Date().toISOString() }).where('id', '=', folder.id).execute();
  }
}
