// valid
import { Injectable } from '@nestjs/common';
import { BaseRepository } from '@shop/api/shared/base.repository';

export interface Invoice {
  id: string;
  total: number;
}

@Injectable()
export class InvoiceRepository extends BaseRepository<Invoice> {}
