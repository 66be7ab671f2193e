// A function that takes nothing and is named for disconnecting runs once, as the process stops: what
// it closes at once is what the process opened. Disconnecting the ones a caller names is reported.
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
