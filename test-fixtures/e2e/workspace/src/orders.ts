export interface Order {
  id: string;
  total: number;
}

export async function loadOrders(ids: readonly string[], fetchOrder: (id: string) => Promise<Order>): Promise<Order[]> {
  const orders: Order[] = [];
  for (const id of ids) {
    orders.push(await fetchOrder(id));
//              ^^^^^ await-in-loop
  }
  return orders;
}
