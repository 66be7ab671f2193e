// valid
import { Injectable } from '@nestjs/common';

declare function publishAssignment(placeId: string, channelIds: string[]): Promise<void>;

@Injectable()
export class ChannelService {

  async defaultChannelId(): Promise<string> {
    return 'default';
  }

  async assign(placeId: string, channelIds: string[]): Promise<void> {
    await publishAssignment(placeId, channelIds);
  }
}
