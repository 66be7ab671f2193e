// valid
import { Injectable } from '@nestjs/common';
import type { Listing } from '../prices/price.service';

@Injectable()
export class QuoteFeed {
  async latest({ exchange, symbol }: Listing): Promise<number> {
    const response = await fetch(`https://quotes.example.com/${exchange}/${symbol}`);
    return Number(await response.text());
  }
}
