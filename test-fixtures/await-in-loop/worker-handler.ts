// A module talks to its one worker through helpers that post a message and set the worker's
// onmessage to settle their promise: each call replaces the handler the previous call waits on,
// so the calls must not overlap. A helper that listens on a worker of its own is still reported.
type Spec = { paths?: object };
type Reply = { type: string; ok: boolean; spec: Spec };

const worker = new Worker(new URL('./spec-worker.ts', import.meta.url), { type: 'module' });

const validateSpec = (spec: Spec): Promise<Spec> =>
  new Promise((resolve, reject) => {
    worker.postMessage({ type: 'validate', spec });
    worker.onmessage = (event: MessageEvent<Reply>) => {
      if (event.data.type !== 'validated') return;
      if (event.data.ok) resolve(event.data.spec);
      else reject(new Error('invalid spec'));
    };
  });

function lintSpec(spec: Spec): Promise<Spec> {
  const own = new Worker(new URL('./spec-worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve) => {
    own.postMessage({ type: 'lint', spec });
    own.onmessage = (event: MessageEvent<Reply>) => {
      own.terminate();
      resolve(event.data.spec);
    };
  });
}

export async function validateAll(specs: Spec[]): Promise<Spec[]> {
  const valid: Spec[] = [];
  for (const spec of specs) {
    try {
      valid.push(await validateSpec(spec));
    } catch {
      if (spec.paths) valid.push(spec);
    }
  }
  return valid;
}

export async function lintAll(specs: Spec[]): Promise<Spec[]> {
  const linted: Spec[] = [];
  for (const spec of specs) {
    linted.push(await lintSpec(spec));
    //          ^^^^^ await-in-loop
  }
  return linted;
}
