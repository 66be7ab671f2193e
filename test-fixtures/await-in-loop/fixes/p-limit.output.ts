import pLimit from 'p-limit';

declare function fetchUser(id: string): Promise<{ name: string }>;

export async function names(ids: string[]): Promise<string[]> {
  const out: string[] = [];
  const limit = pLimit(8);
  const users = await Promise.all(ids.map((id) => limit(() => fetchUser(id))));
  for (const [index, id] of ids.entries()) {
    const user = users[index]!;
    out.push(user.name);
  }
  return out;
}
