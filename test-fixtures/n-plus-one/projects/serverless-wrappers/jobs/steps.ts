// valid
// A class of the project whose `execute` keeps its work in memory runs no statement.
class Checklist {
  private readonly checked = new Set<string>();

  async execute(item: string): Promise<boolean> {
    this.checked.add(item);
    return this.checked.size > 0;
  }
}

export async function checkAll(items: string[]): Promise<void> {
  const checklist = new Checklist();
  for (const item of items) await checklist.execute(item);
}
