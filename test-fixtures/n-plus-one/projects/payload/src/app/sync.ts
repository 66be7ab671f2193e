import { getPayload } from 'payload';
import config from '../payload.config';

export async function syncAuthors(posts: Array<{ id: string; author: string }>) {
  const payload = await getPayload({ config });
  const authors = [];
  for (const post of posts) {
    authors.push(await payload.find({ collection: 'users', where: { id: { equals: post.author } }, limit: 1 }));
//                     ^^^^^^^^^^^^ n-plus-one
  }
  return authors;
}

export async function archiveAll(ids: string[]) {
  const payload = await getPayload({ config });
  await Promise.all(ids.map((id) => payload.db.deleteOne({ collection: 'posts', where: { id: { equals: id } } })));
//                                  ^^^^^^^^^^^^^^^^^^^^ n-plus-one
}
