declare function fetchJson(url: string): Promise<unknown>;

export async function nextLine(urls: string[]): Promise<void> {
  for (const url of urls) {
    // perf-lint-disable-next-line await-in-loop
    await fetchJson(url);
  }
}

export async function sameLine(urls: string[]): Promise<void> {
  for (const url of urls) {
    await fetchJson(url); // perf-lint-disable-line await-in-loop -- the API allows one request at a time
  }
}

export async function allRules(urls: string[]): Promise<void> {
  for (const url of urls) {
    await fetchJson(url); // perf-lint-disable-line
  }
}

export async function otherRuleNamed(urls: string[]): Promise<void> {
  for (const url of urls) {
    // perf-lint-disable-next-line n-plus-one
    await fetchJson(url);
//  ^^^^^ await-in-loop
  }
}
