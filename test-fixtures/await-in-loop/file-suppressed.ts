// valid: the whole file opts out of the rule
/* perf-lint-disable await-in-loop */
declare function fetchJson(url: string): Promise<unknown>;

export async function all(urls: string[]): Promise<void> {
  for (const url of urls) await fetchJson(url);
}
