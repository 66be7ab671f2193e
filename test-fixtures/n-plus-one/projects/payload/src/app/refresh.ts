import { payloadClient } from '../lib/payload';

export async function refreshSlugs(ids: string[]) {
  const payload = await payloadClient();
  for (const id of ids) {
    await payload.update({ collection: 'posts', id, data: { slug: id } });
//        ^^^^^^^^^^^^^^ n-plus-one
  }
}
