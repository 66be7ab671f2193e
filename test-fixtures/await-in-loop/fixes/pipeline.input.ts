interface User {
  id: string;
  name: string;
}

declare function getUser(id: string): Promise<User>;
declare function listOrders(userId: string): Promise<string[]>;

export async function report(ids: readonly string[]): Promise<string[]> {
  const lines: string[] = [];
  for (const id of ids) {
    const user = await getUser(id);
    const orders = await listOrders(user.id);
    lines.push(`${user.name}: ${orders.length} orders`);
  }
  return lines;
}
