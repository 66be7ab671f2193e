// valid
export class JobQueue {
  private readonly processors = new Map<string, (ids: number[]) => Promise<void>>();

  process(name: string, processor: (ids: number[]) => Promise<void>) {
    this.processors.set(name, processor);
  }
}
