import type { CollectionAfterReadHook, CollectionBeforeChangeHook, CollectionConfig } from 'payload';

type Editor = { id: string; name: string };

/** Shows each editor's name beside the article, skipping editors that were deleted. */
const showEditors: CollectionAfterReadHook = async ({ doc, req: { payload } }) => {
  const editors: Editor[] = [];
  for (const editor of doc.editors ?? []) {
    try {
      const found = await payload.findByID({ collection: 'users', id: typeof editor === 'object' ? editor.id : editor, depth: 0 });
//                        ^^^^^^^^^^^^^^^^ n-plus-one
      if (found) editors.push({ id: found.id, name: found.name });
      // Another field of the article than the list being walked: the walk goes on over the same editors.
      if (editors.length > 0) doc.shownEditors = editors.map(({ id, name }) => ({ id, name }));
    } catch {
      // a deleted editor is left out
    }
  }
  return doc;
};

/** Follows the chain of redirects, which each step may extend. */
const followRedirects: CollectionBeforeChangeHook = async ({ data, req: { payload } }) => {
  for (const slug of data.redirects) {
    const target = await payload.find({ collection: 'redirects', where: { from: { equals: slug } }, limit: 1 });
    if (target.docs[0]) data.redirects.push(target.docs[0].to);
  }
  return data;
};

export const Articles: CollectionConfig = {
  slug: 'articles',
  hooks: { afterRead: [showEditors], beforeChange: [followRedirects] },
  fields: [
    { name: 'editors', type: 'relationship', relationTo: 'users', hasMany: true },
    { name: 'redirects', type: 'text', hasMany: true },
  ],
};
