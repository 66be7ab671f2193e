// The same loops in a strict project (`noUncheckedIndexedAccess` too).
interface Repo {
  active: boolean;
  ownerId: string;
}
interface Client {
  users: { get(id: string): Promise<{ name: string }> };
  owners: { find(id: string): Promise<{ id: string; login: string }> };
  teams: { list(ownerId: string): Promise<string[]> };
}

export async function names(db: Client, ids: Iterable<string>): Promise<string[]> {
  const out: string[] = [];
  for (const id of ids) {
    const user = await db.users.get(id);
    out.push(user.name);
  }
  return out;
}

export async function owners(db: Client, repos: readonly Repo[]): Promise<string[]> {
  const lines: string[] = [];
  for (const repo of repos) {
    if (!repo.active) continue;
    const owner = await db.owners.find(repo.ownerId);
    const teams = await db.teams.list(owner.id);
    lines.push(`${owner.login}: ${teams.length}`);
  }
  return lines;
}

export async function sizes(db: Client, ids: string[]): Promise<Array<{ name: string }>> {
  return Promise.all(ids.map((id) => db.users.get(id)));
}
