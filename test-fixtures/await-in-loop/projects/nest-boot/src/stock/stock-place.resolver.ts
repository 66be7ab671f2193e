// valid
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { StockPlaceService } from './stock-place.service';

@Resolver()
export class StockPlaceResolver {
  constructor(private readonly stockPlaces: StockPlaceService) {}

  @Mutation()
  async linkStockPlaces(@Args('channelIds') channelIds: string[]) {
    await this.stockPlaces.linkToChannels(channelIds);
    return true;
  }
}
