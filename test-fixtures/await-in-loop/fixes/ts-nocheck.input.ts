// @ts-nocheck
declare function fetchUser(id: string): Promise<{ name: string }>;

export async function names(ids: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const id of ids) {
    const user = await fetchUser(id);
    out.push(user.name);
  }
  return out;
}
