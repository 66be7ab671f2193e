import { formatName } from './format';

interface User {
  id: string;
  name: string;
}

declare function fetchUser(id: string): Promise<User>;

export async function userNames(ids: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const id of ids) {
    const user = await fetchUser(id);
    out.push(formatName(user.name));
  }
  return out;
}
