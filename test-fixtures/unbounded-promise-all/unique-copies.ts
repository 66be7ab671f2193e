// A copy without repeats (`new Set(list)`, `Array.from(list)`) holds at most what it copies: as bounded as the list.
const SUPPORTED_LOCALES = ['en', 'de', 'fr', 'es'];

declare function loadMessages(locale: string): Promise<Record<string, string>>;
declare function notifyOwner(ownerId: string): Promise<void>;

export async function warmLocales(requested: string[]): Promise<void> {
  await Promise.all(Array.from(new Set(SUPPORTED_LOCALES)).map((locale) => loadMessages(locale)));
  await Promise.all(Array.from(new Set(requested.slice(0, 5)), (locale) => loadMessages(locale)));
}

export async function notifyOwners(documents: Array<{ ownerId: string }>): Promise<void> {
  const ownerIds = Array.from(new Set(documents.map((document) => document.ownerId)));
  await Promise.all(ownerIds.map((ownerId) => notifyOwner(ownerId)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}
