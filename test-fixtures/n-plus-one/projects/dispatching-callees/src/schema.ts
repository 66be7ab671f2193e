// valid
export interface Schema {
  folders: { id: string; parentId: string | null; deletedAt: Date | null };
  notes: { id: string; folderId: string; title: string };
}
