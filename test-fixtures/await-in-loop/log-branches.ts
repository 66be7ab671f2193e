// A log line on a branch of the loop notes an odd item: it is not the loop's work. The loop's other awaits still count,
// and so do a log written for every item, a call that only reads a log, and one handed the work it times.
declare function log(entry: { type: string; message: string }): Promise<void>;
declare function logToAxiom(entry: Record<string, unknown>): Promise<void>;
declare function auditLog(entry: { action: string; resourceId: string }): Promise<void>;
declare function getJobLog(jobId: string): Promise<string>;
declare function logIn(account: string): Promise<void>;
declare function logExecutionTime<T>(work: () => Promise<T>, name: string): Promise<T>;
declare function archive(workspaceId: string): Promise<void>;
declare function sync(id: string): Promise<void>;

interface Logger {
  warn(message: string): Promise<void>;
}

interface Workspace {
  id: string;
  plan: string;
}

export async function suspendWorkspaces(workspaces: Workspace[]): Promise<number> {
  let skipped = 0;
  for (const workspace of workspaces) {
    if (workspace.plan !== 'free') {
      skipped++;
      await log({ type: 'errors', message: `Workspace ${workspace.id} is not on the free plan` });
      continue;
    }
  }
  return skipped;
}

export async function attachImages(results: Array<{ imageId: string; url?: string }>, urls: Map<string, string>): Promise<void> {
  for (const result of results) {
    const url = urls.get(result.imageId);
    if (url) result.url = url;
    else await logToAxiom({ name: 'image-missing', imageId: result.imageId });
  }
}

export class Checker {
  constructor(private readonly logger: Logger) {}

  async check(states: Array<{ id: string; kind: string }>): Promise<void> {
    for (const state of states) {
      switch (state.kind) {
        case 'unknown':
          await this.logger.warn(`Unknown state ${state.id}`);
          break;
        default:
          break;
      }
    }
  }
}

export async function archiveWorkspaces(workspaces: Workspace[]): Promise<void> {
  for (const workspace of workspaces) {
    if (workspace.plan !== 'free') {
      await log({ type: 'errors', message: `Workspace ${workspace.id} is paid` });
      continue;
    }
    await archive(workspace.id);
//  ^^^^^ await-in-loop
  }
}

export async function deletePrompts(promptIds: string[]): Promise<void> {
  for (const promptId of promptIds) {
    await auditLog({ action: 'delete', resourceId: promptId });
//  ^^^^^ await-in-loop
  }
}

export async function finishedJobLogs(jobs: Array<{ id: string; finished: boolean }>): Promise<string[]> {
  const logs: string[] = [];
  for (const job of jobs) {
    if (job.finished) logs.push(await getJobLog(job.id));
//                              ^^^^^ await-in-loop
  }
  return logs;
}

export async function signInAll(accounts: Array<{ name: string; active: boolean }>): Promise<void> {
  for (const account of accounts) {
    if (account.active) await logIn(account.name);
//                      ^^^^^ await-in-loop
  }
}

export async function syncTimed(ids: string[], timed: boolean): Promise<void> {
  for (const id of ids) {
    if (timed) await logExecutionTime(() => sync(id), 'sync');
//             ^^^^^ await-in-loop
  }
}
