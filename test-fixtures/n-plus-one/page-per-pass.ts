// A loop with no items that reads a page of rows each pass and hands the whole page on (`where('id', 'in', ids)`, a helper
// taking the ids) runs its queries once per page, not once per row. A query per row of the page is still one per row.
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';

const PAGE_SIZE = 200;
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new Pool() }) });

const dropAttachments = async (messageIds: string[]) => {
  await db.deleteFrom('attachments').where('message_id', 'in', messageIds).execute();
  await db.deleteFrom('reactions').where('message_id', 'in', messageIds).execute();
};

export const archiveThread = async (threadId: string, archivedBy: string) => {
  let remaining = true;
  while (remaining) {
    const page = await db
      .selectFrom('thread_messages')
      .select('message_id')
      .where('thread_id', '=', threadId)
      .orderBy('sent_at', 'desc')
      .limit(PAGE_SIZE)
      .execute();

    if (page.length === 0) {
      remaining = false;
      break;
    }

    const messageIds = page.map((entry) => entry.message_id);
    const messages = await db.selectFrom('messages').select(['id', 'author_id']).where('id', 'in', messageIds).execute();

    const archived = messages.map((message) => ({ id: message.id, author_id: message.author_id, archived_by: archivedBy }));

    await dropAttachments(messageIds);

    await db.transaction().execute(async (trx) => {
      await trx.insertInto('archived_messages').values(archived).execute();
      await trx.deleteFrom('messages').where('id', 'in', messageIds).execute();
    });

    for (const message of messages) {
      await db.updateTable('authors').set({ last_archived_by: archivedBy }).where('id', '=', message.author_id).execute();
//          ^^^^^^^^^^^^^^ n-plus-one
    }
  }
};
