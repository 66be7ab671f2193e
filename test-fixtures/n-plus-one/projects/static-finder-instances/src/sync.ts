import Collection from './collection';

export async function touchAll(name: string, ids: number[]) {
  const collection = Collection.byName(name);
  for (const id of ids) {
    await collection!.update(id, { touched: true });
    //    ^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function ownedRows(name: string, owners: string[]) {
  const collection = await Collection.reload(name);
  for (const owner of owners) {
    await collection.rows('owner', owner, owner);
    //    ^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function rowsPerCollection(names: string[]) {
  for (const name of names) {
    const collection = Collection.byName(name);
    if (!collection) continue;
    await collection.rows('archived', false);
    //    ^^^^^^^^^^^^^^^ n-plus-one
  }
}
