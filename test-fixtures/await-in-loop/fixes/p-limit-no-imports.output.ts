import pLimit from 'p-limit';

interface User {
  id: string;
  name: string;
}

declare function fetchUser(id: string): Promise<User>;

export async function userNames(ids: string[]): Promise<string[]> {
  const out: string[] = [];
  const limit = pLimit(4);
  const users = await Promise.all(ids.map((id) => limit(() => fetchUser(id))));
  for (const [index, id] of ids.entries()) {
    const user = users[index]!;
    out.push(user.name);
  }
  return out;
}
