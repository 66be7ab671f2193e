// valid
import { Injectable } from '@nestjs/common';
import { Prisma, PrismaClient } from '@prisma/client';
import { ClsService } from 'nestjs-cls';

/** The client of the transaction the request runs in, or the plain client outside one. */
@Injectable()
export class DatabaseService extends PrismaClient {
  constructor(private readonly cls: ClsService) {
    super();
  }

  txClient(): Prisma.TransactionClient {
    return this.cls.get<Prisma.TransactionClient | undefined>('tx') ?? this;
  }
}
