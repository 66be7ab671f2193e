// Setup that runs once in the life of the process and keeps its result in module state is no
// fan-out per request; the same Promise.all on every call is still reported.
type Locale = { code: string; path: string };

declare function loadMessages(locale: Locale): Promise<Record<string, string>>;
declare function listLocales(): Promise<Locale[]>;

let catalogs: Promise<Array<Record<string, string>>> | undefined;
let warmed = false;
const cache = new Map<string, Record<string, string>>();

export function messageCatalogs(locales: Locale[]): Promise<Array<Record<string, string>>> {
  catalogs ??= Promise.all(locales.map((locale) => loadMessages(locale)));
  return catalogs;
}

export async function warmCatalogs(): Promise<void> {
  if (!warmed) {
    const locales = await listLocales();
    const loaded = await Promise.all(locales.map((locale) => loadMessages(locale)));
    loaded.forEach((messages, index) => cache.set(locales[index]!.code, messages));
    warmed = true;
  }
}

export async function reloadCatalogs(): Promise<void> {
  const locales = await listLocales();
  const loaded = await Promise.all(locales.map((locale) => loadMessages(locale)));
  //                   ^^^^^^^^^^^ unbounded-promise-all
  loaded.forEach((messages, index) => cache.set(locales[index]!.code, messages));
}

let reloading: Promise<Array<Record<string, string>>> | undefined;

export async function reloadOnce(locales: Locale[]): Promise<Array<Record<string, string>>> {
  if (reloading) return reloading;
  try {
    reloading = Promise.all(locales.map((locale) => loadMessages(locale)));
    //          ^^^^^^^^^^^ unbounded-promise-all
    return await reloading;
  } finally {
    reloading = undefined;
  }
}

// A guard that lets one call through (`if (started) return; started = true;`), on the process's
// global object too, and the handler it registers for the exit signals: each runs once.
type Consumer = { start(): Promise<void>; stop(): Promise<void>; commitOffsets(): Promise<void> };

declare function createConsumers(): Consumer[];
declare function reportFailure(error: unknown): void;
declare const shutdownSignals: { on(event: string, listener: () => void): void };
declare global {
  var consumersStarted: boolean | undefined;
}

export function startConsumers(): void {
  if (globalThis.consumersStarted) return;
  globalThis.consumersStarted = true;
  const consumers = createConsumers();
  const commitAll = () => Promise.all(consumers.map((consumer) => consumer.commitOffsets())).catch(reportFailure);
  shutdownSignals.on('SIGTERM', commitAll);
  shutdownSignals.on('SIGINT', commitAll);
  Promise.all(consumers.map((consumer) => consumer.start())).catch(reportFailure);
}

process.once('beforeExit', async () => {
  await Promise.allSettled(createConsumers().map((consumer) => consumer.stop()));
});

// Still reported: a guard whose flag nothing sets lets every call through, and a handler that
// also answers an event of every day (`rebalance`) runs again and again.
export function restartConsumers(): void {
  if (globalThis.consumersStarted) return;
  const consumers = createConsumers();
  const commitAll = () => Promise.all(consumers.map((consumer) => consumer.commitOffsets())).catch(reportFailure);
  //                      ^^^^^^^^^^^ unbounded-promise-all
  shutdownSignals.on('SIGTERM', commitAll);
  shutdownSignals.on('rebalance', commitAll);
  Promise.all(consumers.map((consumer) => consumer.start())).catch(reportFailure);
//^^^^^^^^^^^ unbounded-promise-all
}
