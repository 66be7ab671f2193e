// valid
import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';
import type { Prisma } from '@prisma/client';
import { ClsService } from 'nestjs-cls';

/** The request's transaction client, kept in the CLS store while `$tx` runs, or the plain client outside one. */
@Injectable()
export class DatabaseService extends PrismaClient {
  constructor(private readonly cls: ClsService) {
    super();
  }

  txClient(): Prisma.TransactionClient {
    return this.cls.get<Prisma.TransactionClient | undefined>('tx') ?? this;
  }

  async $tx<T>(work: (client: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    const open = this.cls.get<Prisma.TransactionClient | undefined>('tx');
    if (open) return work(open);
    return super.$transaction(async (client) => {
      this.cls.set('tx', client);
      try {
        return await work(client);
      } finally {
        this.cls.set('tx', undefined);
      }
    });
  }
}
