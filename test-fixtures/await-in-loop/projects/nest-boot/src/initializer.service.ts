// valid
import { Injectable, OnModuleInit } from '@nestjs/common';
import { StockPlaceService } from './stock/stock-place.service';

@Injectable()
export class InitializerService implements OnModuleInit {
  constructor(private readonly stockPlaces: StockPlaceService) {}

  async onModuleInit() {
    await this.stockPlaces.initStockPlaces();
    await this.stockPlaces.linkToChannels(['default']);
  }
}
