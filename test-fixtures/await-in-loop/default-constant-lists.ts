// A parameter whose default is a list the code names as a constant, or writes out: whoever passes their own picks among
// values of the same kind, a few as well. A parameter with no such default, and one the function fills from data, are reported.
import { JOB_STATES } from './job-states';

interface JobQueue {
  clean(graceMs: number, state: string): Promise<string[]>;
  count(state: string): Promise<number>;
}

declare function loadStatesInUse(queue: JobQueue): Promise<string[]>;

export class QueueAdmin {
  constructor(private readonly queue: JobQueue) {}

  async cleanJobs({ states = JOB_STATES }: { states?: string[] }): Promise<number> {
    let removed = 0;
    for (const state of states) {
      removed += (await this.queue.clean(300, state)).length;
    }
    return removed;
  }

  async countJobs(states: string[] = ['active', 'waiting', 'failed']): Promise<number[]> {
    const counts: number[] = [];
    for (const state of states) counts.push(await this.queue.count(state));
    return counts;
  }

  async countGiven(states: string[]): Promise<number[]> {
    const counts: number[] = [];
    for (const state of states) counts.push(await this.queue.count(state));
    //                                      ^^^^^ await-in-loop
    return counts;
  }

  async countInUse(states: string[] = JOB_STATES): Promise<number[]> {
    if (states.length === 0) states = await loadStatesInUse(this.queue);
    const counts: number[] = [];
    for (const state of states) counts.push(await this.queue.count(state));
    //                                      ^^^^^ await-in-loop
    return counts;
  }

  async countEveryKind(states: string[] = defaultStates()): Promise<number[]> {
    const counts: number[] = [];
    for (const state of states) counts.push(await this.queue.count(state));
    //                                      ^^^^^ await-in-loop
    return counts;
  }
}

declare function defaultStates(): string[];
