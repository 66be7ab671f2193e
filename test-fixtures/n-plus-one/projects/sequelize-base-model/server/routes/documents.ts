import { Document } from '@server/models';

export async function titles(ids: string[]) {
  const found = [];
  for (const id of ids) {
    const document = await Document.findByPk(id);
//                         ^^^^^^^^^^^^^^^^^ n-plus-one
    if (document) found.push(document.title);
  }
  return found;
}

export async function archiveAll(ids: string[]) {
  await Promise.all(ids.map((id) => Document.destroy({ where: { id } })));
//                                  ^^^^^^^^^^^^^^^^ n-plus-one
}
