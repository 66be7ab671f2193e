// valid
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Invoice } from './invoice.entity';

@Injectable()
export class InvoicesService {
  constructor(@InjectRepository(Invoice) private readonly invoices: Repository<Invoice>) {}

  async invoicesOf(accountId: number, status?: string) {
    const query = this.invoices.createQueryBuilder('invoice');
    query.where('invoice.accountId = :accountId', { accountId });
    if (status) query.andWhere('invoice.status = :status', { status });
    return query.getMany();
  }

  async openTotal() {
    const query = this.invoices.createQueryBuilder('invoice').select('SUM(invoice.amount)', 'total');
    query.where("invoice.status = 'open'");
    return query.getRawOne();
  }

  invoicesQuery(accountIds: number[]) {
    const query = this.invoices.createQueryBuilder('invoice');
    return query.where('invoice.accountId IN (:...accountIds)', { accountIds });
  }
}
