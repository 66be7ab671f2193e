import type { IReminderStore } from '../domain';

export class ReminderSender {
  constructor(private readonly reminders: IReminderStore) {}

  async markAll(reminderIds: string[]) {
    for (const id of reminderIds) {
      await this.reminders.markSent(id);
      //    ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }
}
