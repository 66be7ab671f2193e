// valid
export interface IReminderStore {
  markSent(id: string): Promise<void>;
}
