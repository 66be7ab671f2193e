import type { driver } from '@harbor/engine';

type Category = { _id: string; childIds: string[] };

export async function collectChildren(db: driver.Db, root: Category): Promise<string[]> {
  const Categories = db.collection<Category>('categories');
  const ids = [root._id];
  for (const childId of root.childIds) {
    const child = await Categories.findOne({ _id: childId, deleted: null });
    //                  ^^^^^^^^^^^^^^^^^^ n-plus-one
    if (child) ids.push(...child.childIds);
  }
  return ids;
}
