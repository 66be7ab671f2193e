import type { AwilixContainer } from 'awilix';
import { database } from '../database';
import type { IOrderService } from '../orders/order-service.interface';

export async function archiveStale(container: AwilixContainer, before: Date) {
  const stale = await database.order.findMany({ where: { updatedAt: { lt: before } }, select: { id: true } });
  const ids = stale.map((order) => order.id);
  const orders = container.resolve<IOrderService>('orderService');
  await Promise.all(ids.map((id) => orders.archive(id)));
//                                  ^^^^^^^^^^^^^^ n-plus-one
}
