// A function that takes nothing and is named for disconnecting runs once, as the process stops: what
// it closes at once is what the process opened. So does a map whose every call lets go of something
// held (close, dispose, quit): no service is asked for work. Work handed to a helper per id is reported.
interface Consumer {
  disconnect(): Promise<void>;
}

declare function disconnectConsumer(consumer: Consumer): Promise<void>;

const consumers = new Map<string, Consumer>();

export const disconnectKafka = async (): Promise<void> => {
  const tasks: Promise<void>[] = [];
  for (const consumer of consumers.values()) tasks.push(consumer.disconnect());
  consumers.clear();
  await Promise.all(tasks);
};

export async function disconnectAllClients(): Promise<void> {
  await Promise.all([...consumers.values()].map((consumer) => consumer.disconnect()));
}

export async function disconnectGroups(groupIds: string[]): Promise<void> {
  await Promise.all(groupIds.map((id) => disconnectConsumer(consumers.get(id)!)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

interface Worker {
  close(): Promise<void>;
}

interface Tenant {
  id: string;
  dispose(): Promise<void>;
}

export class WorkerRegistry {
  private static workers: Record<string, Worker> = {};
  private readonly tenants = new Map<string, Promise<Tenant>>();

  static async closeWorkers(): Promise<void> {
    await Promise.all(Object.values(WorkerRegistry.workers).map((worker) => worker.close()));
  }

  async endAll(): Promise<void> {
    await Promise.all([...this.tenants.values()].map(async (pending) => (await pending).dispose()));
  }
}
