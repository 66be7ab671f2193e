import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { OrderRepository } from '../orders/order.repository';
import { OrderService } from '../orders/order.service';

@Injectable()
export class ReportService {
  private readonly orders = this.moduleRef.get<OrderRepository>(OrderRepository, { strict: false });

  constructor(private readonly moduleRef: ModuleRef) {}

  async statuses(ids: string[]) {
    const statuses: string[] = [];
    for (const id of ids) {
      const order = await this.orders.findById(id);
//                        ^^^^^^^^^^^^^^^^^^^^ n-plus-one
      statuses.push(order?.status ?? 'missing');
    }
    return statuses;
  }

  async archived(ids: string[]) {
    const service = await this.moduleRef.resolve<OrderService>(OrderService);
    for (const id of ids) {
      await service.archive(id);
//          ^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async first(ids: string[]) {
    const service = this.moduleRef.get<OrderService>(OrderService);
    return service.retrieve(ids[0]!);
  }
}
