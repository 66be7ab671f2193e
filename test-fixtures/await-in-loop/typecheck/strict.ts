// The same loops in a strict project (`noUncheckedIndexedAccess` too).
interface Repo {
  active: boolean;
  ownerId: string;
}
interface Client {
  users: { get(id: string): Promise<{ name: string }> };
  owners: { find(id: string): Promise<{ id: string; login: string }>; refresh(id: string): Promise<void> };
  teams: { list(ownerId: string): Promise<string[]> };
  access: { isVisible(userId: string, repo: Repo): Promise<boolean> };
}

declare function log(line: string): void;

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

export async function visible(db: Client, userId: string, repos: readonly Repo[]): Promise<string[]> {
  const shown: string[] = [];
  for (const repo of repos) {
    if (await db.access.isVisible(userId, repo)) shown.push(repo.ownerId);
  }
  return shown;
}

export async function printNames(db: Client, ids: Set<string>): Promise<void> {
  for (const id of ids) {
    const user = await db.users.get(id);
    log(user.name);
  }
}

export async function refreshOwners(db: Client, owners: Map<string, Repo>, ids: string[]): Promise<void> {
  for (const id of ids) {
    const repo = owners.get(id);
    if (!isActive(repo)) continue;
    await db.owners.refresh(repo.ownerId);
  }
}

function isActive(repo: Repo | undefined): repo is Repo {
  return repo?.active === true;
}
