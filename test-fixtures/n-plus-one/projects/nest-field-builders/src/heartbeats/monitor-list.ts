import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service';
import { recentBeats } from './heartbeats';

@Injectable()
export class MonitorListService {
  constructor(private readonly prisma: PrismaService) {}

  async beatsOf(monitorIds: string[]) {
    return Promise.all(monitorIds.map((monitorId) => recentBeats(this.prisma, monitorId)));
//                                                   ^^^^^^^^^^^ n-plus-one
  }
}
