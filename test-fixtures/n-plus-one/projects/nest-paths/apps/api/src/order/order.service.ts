import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { InvoiceService } from '@shop/api/invoice/invoice.service';
import { PrismaService } from '@shop/api/prisma/prisma.service';

@Injectable()
export class OrderService {
  constructor(
    private readonly invoiceService: InvoiceService,
    private readonly prismaService: PrismaService,
    private readonly http: HttpService,
  ) {}

  async report(orders: Array<{ id: string; invoiceId: string }>) {
    const rows = [];
    for (const order of orders) {
      const total = await this.invoiceService.totals(order);
//                        ^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      rows.push({ id: order.id, total, label: this.invoiceService.describe(order) });
    }
    return rows;
  }

  async ship(orderIds: string[]) {
    for (const id of orderIds) {
      await this.prismaService.order.update({ where: { id }, data: { shippedAt: new Date() } });
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async notify(orderIds: string[]) {
    return Promise.all(orderIds.map((id) => this.http.axiosRef.post('/notify', { id })));
//         ^^^^^^^^^^^ unbounded-promise-all
  }
}
