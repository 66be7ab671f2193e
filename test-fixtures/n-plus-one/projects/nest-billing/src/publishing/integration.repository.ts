// valid
import { Injectable } from '@nestjs/common';
import { PrismaService } from '@billing/prisma/prisma.service';

@Injectable()
export class IntegrationRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string) {
    return this.prisma.integration.findFirst({ where: { id, deletedAt: null } });
  }

  createPost(integrationId: string, content: string) {
    return this.prisma.post.create({ data: { integrationId, content } });
  }
}
