// valid
import { Injectable, OnModuleInit } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';

@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit {
  async onModuleInit() {
    await this.$connect();
  }
}

/** One model of the client, injected per repository: `PrismaRepository<'post'>`. */
@Injectable()
export class PrismaRepository<T extends keyof PrismaService> {
  public model: Pick<PrismaService, T>;

  constructor(private readonly prisma: PrismaService) {
    this.model = this.prisma;
  }
}
