import { Document } from '@server/models';
import { archiveDocument, titleOf } from '@server/commands/documentArchiver';

export async function archiveCollection(collectionId: string) {
  const documents = await Document.findAll({ where: { collectionId } });
  for (const document of documents) {
    await archiveDocument(document);
//        ^^^^^^^^^^^^^^^ n-plus-one
  }
  return documents.map((document) => titleOf(document));
}
