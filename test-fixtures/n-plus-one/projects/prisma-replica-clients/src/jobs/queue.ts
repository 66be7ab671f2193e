// valid
export class JobQueue {
  private readonly pending: Array<{ name: string; payload: unknown }> = [];

  async transaction<T>(run: (batch: { add(name: string, payload: unknown): Promise<void> }) => Promise<T>): Promise<T> {
    return await run({ add: async (name, payload) => void this.pending.push({ name, payload }) });
  }
}

export const { queue: jobs }: { queue: JobQueue } = { queue: new JobQueue() };
