// valid
import type { IReminderStore } from '../domain/interfaces/reminder-store.interface';
import { prisma } from './prisma';

export class PrismaReminderStore implements IReminderStore {
  async markSent(id: string): Promise<void> {
    await prisma.reminder.update({ where: { id }, data: { sentAt: new Date() } });
  }
}
