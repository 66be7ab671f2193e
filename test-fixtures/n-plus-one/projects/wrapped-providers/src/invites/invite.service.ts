import { prisma } from '@/lib/prisma';
import { EventBus } from '@/events/event-bus';

export class InviteService {
  constructor(private readonly eventBus: EventBus) {}

  /** Publishing hands the event to whatever subscribed in the process: not known to leave the database. */
  async accept(id: string) {
    await prisma.invite.update({ where: { id }, data: { acceptedAt: new Date() } });
    await this.eventBus.publish({ type: 'invite.accepted', id });
  }

  async acceptAll(ids: string[]) {
    for (const id of ids) {
      await this.accept(id);
//          ^^^^^^^^^^^ n-plus-one
    }
  }
}
