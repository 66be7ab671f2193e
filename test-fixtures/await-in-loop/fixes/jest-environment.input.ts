/**
 * @jest-environment jsdom
 */
/** The names of the users. */
export async function names(ids: string[], api: { getUser(id: string): Promise<{ name: string }> }): Promise<string[]> {
  const out: string[] = [];
  for (const id of ids) {
    const user = await api.getUser(id);
    out.push(user.name);
  }
  return out;
}
