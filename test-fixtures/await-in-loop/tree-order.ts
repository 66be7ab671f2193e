// Rows sorted by their depth in a tree are handled parents first (or children first, sorted the other way): publishing a
// child page before its parent would fail, so the loop keeps the order its query asked for. MongoDB's `sort({ level: 1 })`,
// Prisma's `orderBy: { depth: 'asc' }`, Sequelize's `order: [['level', 'ASC']]`, SQL `ORDER BY level` and an in-memory sort on the depth
// all say so. Rows sorted by anything else, or a loop over another list, are reported.
interface PageDoc {
  _id: string;
  level: number;
  slug: string;
  createdAt: Date;
}

interface Cursor<T> {
  sort(spec: Record<string, 1 | -1>): Cursor<T>;
  toArray(): Promise<T[]>;
}

interface Folder {
  id: string;
  depth: number;
  parentId: string | null;
}

declare const pages: { find(filter: Record<string, unknown>): Cursor<PageDoc> };
declare const folders: { list(options: { orderBy: Record<string, 'asc' | 'desc'> }): Promise<Folder[]> };
declare const categories: { findAll(options: { order: Array<[string, 'ASC' | 'DESC']> }): Promise<Folder[]> };
declare function rowsOf<T>(sql: string, values: unknown[]): Promise<T[]>;
declare function publish(page: PageDoc): Promise<void>;
declare function unpublish(page: PageDoc): Promise<void>;
declare function provisionFolder(folder: Folder): Promise<void>;
declare function notifyAuthor(page: PageDoc): Promise<void>;

export async function publishDue(now: Date): Promise<void> {
  const due = await pages.find({ publishAt: { $lte: now } }).sort({ level: 1 }).toArray();
  for (const page of due) {
    await publish(page);
  }
}

export async function unpublishExpired(now: Date): Promise<void> {
  for (const page of await pages.find({ unpublishAt: { $lte: now } }).sort({ level: -1 }).toArray()) {
    await unpublish(page);
  }
}

export async function provisionTree(): Promise<void> {
  const tree = await folders.list({ orderBy: { depth: 'asc' } });
  for (const folder of tree) {
    await provisionFolder(folder);
  }
}

export async function provisionCategories(): Promise<void> {
  const ordered = await categories.findAll({ order: [['level', 'ASC']] });
  for (const category of ordered) {
    await provisionFolder(category);
  }
}

export async function provisionFromSql(spaceId: string): Promise<void> {
  const rows = await rowsOf<Folder>('SELECT * FROM folders WHERE space_id = $1 ORDER BY depth, name', [spaceId]);
  for (const folder of rows) {
    await provisionFolder(folder);
  }
}

export async function provisionSorted(loaded: Folder[]): Promise<void> {
  for (const folder of [...loaded].sort((a, b) => a.depth - b.depth)) {
    await provisionFolder(folder);
  }
}

export async function notifyNewest(now: Date): Promise<void> {
  const recent = await pages.find({ createdAt: { $gte: now } }).sort({ createdAt: -1 }).toArray();
  for (const page of recent) {
    await notifyAuthor(page);
//  ^^^^^ await-in-loop
  }
}

export async function notifyUnsorted(due: PageDoc[]): Promise<void> {
  for (const page of due) {
    await notifyAuthor(page);
//  ^^^^^ await-in-loop
  }
}
