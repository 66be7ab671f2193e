// valid
import { database } from '../database';
import type { IOrderService, Order } from './order-service.interface';

export class OrderService implements IOrderService {
  retrieve(id: string): Promise<Order | null> {
    return database.order.findUnique({ where: { id } });
  }

  async archive(id: string): Promise<void> {
    await database.order.update({ where: { id }, data: { status: 'archived' } });
  }
}
