// valid
import { Injectable } from '@nestjs/common';
import { PrismaService } from '@billing/prisma/prisma.service';

@Injectable()
export class Notifier {
  constructor(private readonly prisma: PrismaService) {}

  /** Records the notice, then queues its delivery. */
  async notify(organizationId: string) {
    await this.prisma.notice.create({ data: { organizationId } });
    await this.deliver(organizationId);
  }

  private deliver(organizationId: string): Promise<void>;
  private deliver(organizationId: string, channel: 'mail' | 'sms'): Promise<void>;
  private async deliver(organizationId: string, channel: 'mail' | 'sms' = 'mail') {
    await this.prisma.delivery.create({ data: { organizationId, channel } });
  }
}
