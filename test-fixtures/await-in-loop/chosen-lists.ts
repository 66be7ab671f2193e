interface Queue {
  getJobs(state: string, start: number, end: number): Promise<string[]>;
}
declare function loadStates(): Promise<string[]>;

// Either the one state asked for or the five the queue knows: a few lists written out.
export async function jobsByState(queue: Queue, state?: string) {
  const states = state ? [state] : ['waiting', 'active', 'completed', 'failed', 'delayed'];
  const jobs: string[] = [];
  for (const each of states) {
    const found = await queue.getJobs(each, 0, 50);
    jobs.push(...found);
  }
  return jobs;
}

// The other branch is a list loaded at run time: as long as it is.
export async function jobsByLoadedState(queue: Queue, state?: string) {
  const states = state ? [state] : await loadStates();
  const jobs: string[] = [];
  for (const each of states) {
    const found = await queue.getJobs(each, 0, 50);
//                ^^^^^ await-in-loop
    jobs.push(...found);
  }
  return jobs;
}
