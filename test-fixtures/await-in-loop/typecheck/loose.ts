// Loops the fixes rewrite, in a project that type-checks with `strict: false`: untyped
// parameters are `any`, and so is what an `any` receiver returns.
declare const db: any;
declare function fetchUser(id: string): Promise<{ id: string; name: string }>;

export async function names(ids) {
  const out = [];
  for (const id of ids) {
    const user = await db.users.get(id);
    out.push(user.name);
  }
  return out;
}

export async function owners(repos: any[]) {
  const lines: string[] = [];
  for (const repo of repos) {
    if (!repo.active) continue;
    const owner = await db.owners.find(repo.ownerId);
    const teams = await db.teams.list(owner.id);
    lines.push(`${owner.login}: ${teams.length}`);
  }
  return lines;
}

export async function tolerant(paths: string[]) {
  const found = [];
  for (let i = 0; i < paths.length; i++) {
    try {
      const user = await fetchUser(paths[i]);
      found.push(user.name.length);
    } catch {
      found.push(0);
    }
  }
  return found;
}

export async function touchAll(ids: Set<string>) {
  for (const id of ids) await db.sessions.get(id);
}

export async function sizes(items) {
  return Promise.all(items.map((item) => db.sizes.get(item)));
}
