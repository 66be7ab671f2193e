// valid
// The stores the application is given, and their ports, named by the application through this module's barrel.
import type { IReminderStore } from './interfaces/reminder-store.interface';

export interface Stores {
  reminders: IReminderStore;
}

export { type IReminderStore };
