// A function handed what a React hook returned (tRPC's query utilities) runs where the hook ran, in a page: what
// it starts at once is for that one user. A function typed with another value's type is still checked.
type Target = 'projects' | 'members' | 'invoices';

declare const trpc: { useUtils(): Record<Target, { invalidate(): Promise<void> }> };
declare function createContextFor(): { notify(target: Target): Promise<void> };

export async function refreshTargets(targets: Set<Target>, utils: ReturnType<typeof trpc.useUtils>): Promise<void> {
  await Promise.all(Array.from(targets, (target) => utils[target].invalidate()));
}

export async function refreshAfterSave({ targets, utils }: { targets: Target[]; utils: ReturnType<typeof trpc.useUtils> }) {
  return Promise.all(targets.map((target) => utils[target].invalidate()));
}

export async function notifyTargets(targets: Target[], ctx: ReturnType<typeof createContextFor>): Promise<void> {
  await Promise.all(targets.map((target) => ctx.notify(target)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}
