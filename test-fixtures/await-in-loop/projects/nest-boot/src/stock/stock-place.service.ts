import { Injectable } from '@nestjs/common';
import { ChannelService } from '../channels/channel.service';

interface StockPlace {
  id: string;
  channelIds: string[];
}

@Injectable()
export class StockPlaceService {
  private readonly places: StockPlace[] = [];

  constructor(private readonly channels: ChannelService) {}

  /** The initializer calls it once as the application starts. */
  async initStockPlaces() {
    await this.ensureDefaultPlace();
  }

  /** The initializer calls it at boot, and a mutation on each request. */
  async linkToChannels(channelIds: string[]) {
    for (const place of this.places) {
      await this.channels.assign(place.id, channelIds);
//    ^^^^^ await-in-loop
    }
  }

  private async ensureDefaultPlace() {
    const defaultChannel = await this.channels.defaultChannelId();
    for (const place of this.places) {
      if (!place.channelIds.includes(defaultChannel)) await this.channels.assign(place.id, [defaultChannel]);
    }
  }
}
