// valid
import { Injectable } from '@nestjs/common';

@Injectable()
export class ChannelService {
  private readonly assigned = new Map<string, string[]>();

  async defaultChannelId(): Promise<string> {
    return 'default';
  }

  async assign(placeId: string, channelIds: string[]): Promise<void> {
    this.assigned.set(placeId, channelIds);
  }
}
