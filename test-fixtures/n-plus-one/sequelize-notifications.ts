import { Model } from 'sequelize';

class User extends Model {
  declare id: string;
  declare email: string | null;
  subscribedTo(event: string): boolean {
    return event.length > 0;
  }
}

class Notification extends Model {
  declare id: string;
  declare userId: string;
}

declare function canAccessDocument(user: User, documentId: string): Promise<boolean>;

interface Mention {
  modelId: string;
  actorId?: string;
}

// A per-item check, even an awaited one, decides which rows to write; the writes can still be one statement.
export async function notifyMentioned(mentions: Mention[], documentId: string) {
  const notified: string[] = [];
  for (const mention of mentions) {
    if (notified.includes(mention.modelId)) {
      continue;
    }
    const recipient = await User.findByPk(mention.modelId);
//                          ^^^^^^^^^^^^^ n-plus-one
    if (mention.actorId && recipient && recipient.subscribedTo('mention') && (await canAccessDocument(recipient, documentId))) {
//                                                                            ^^^^^ await-in-loop
      await Notification.create({ userId: recipient.id, actorId: mention.actorId, documentId });
//          ^^^^^^^^^^^^^^^^^^^ n-plus-one
      notified.push(recipient.id);
    }
  }
}

// Each write needs the row the previous iteration wrote: a chain, not a batch.
export async function chainReminders(userIds: string[]) {
  let previous: Notification | undefined;
  for (const userId of userIds) {
    if (previous?.userId !== userId) {
      previous = await Notification.create({ userId, previousId: previous?.id });
    }
  }
  return previous;
}
