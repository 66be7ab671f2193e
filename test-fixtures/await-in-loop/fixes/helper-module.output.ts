import { formatName } from './format';
import { mapWithConcurrency } from '../../shared/concurrency';

interface User {
  id: string;
  name: string;
}

declare function fetchUser(id: string): Promise<User>;

export async function userNames(ids: string[]): Promise<string[]> {
  const out: string[] = [];
  const pendingUsers = mapWithConcurrency(ids, 8, (id) => fetchUser(id));
  for (const [index, id] of ids.entries()) {
    const user = await pendingUsers[index]!;
    out.push(formatName(user.name));
  }
  return out;
}
