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
