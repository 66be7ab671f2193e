// valid
import { Injectable } from '@nestjs/common';
import { database } from '../database';

@Injectable()
export class OrderRepository {
  findById(id: string) {
    return database.order.findFirst({ where: { id } });
  }
}
