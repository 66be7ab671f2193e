declare function fetchUser(id: string): Promise<unknown>;

export async function all(ids: string[]): Promise<unknown[]> {
  // perf-lint-disable-next-line unbounded-promise-all -- at most 20 ids, checked by the caller
  return Promise.all(ids.map((id) => fetchUser(id)));
}

export async function other(ids: string[]): Promise<unknown[]> {
  return Promise.all(ids.map((id) => fetchUser(id))); // perf-lint-disable-line await-in-loop
  //     ^^^^^^^^^^^ unbounded-promise-all
}
