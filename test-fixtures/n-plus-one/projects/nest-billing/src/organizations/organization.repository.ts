// valid
import { Injectable } from '@nestjs/common';
import { PrismaService } from '@billing/prisma/prisma.service';

@Injectable()
export class OrganizationRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string) {
    return this.prisma.organization.findUnique({ where: { id } });
  }

  markCancelled(id: string) {
    return this.prisma.organization.update({ where: { id }, data: { cancelledAt: new Date() } });
  }

  markSuspended(id: string) {
    return this.prisma.organization.update({ where: { id }, data: { suspendedAt: new Date() } });
  }
}
