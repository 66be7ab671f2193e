import { Injectable } from '@nestjs/common';
import { PriceService, type Listing } from '../prices/price.service';
import { QuoteFeed } from './quote-feed';

@Injectable()
export class QuoteService {
  constructor(
    private readonly prices: PriceService,
    private readonly feed: QuoteFeed,
  ) {}

  /** A query per listing, started in the loop and awaited together after it. */
  async highs(listings: Listing[]) {
    const highs: ReturnType<PriceService['highest']>[] = [];
    for (const { exchange, symbol } of listings) {
      highs.push(this.prices.highest({ exchange, symbol }));
//               ^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return Promise.all(highs);
  }

  /** Each quote, once fetched, is written on its own. */
  async capture(listings: Listing[]) {
    const captured: Promise<void>[] = [];
    for (const listing of listings) {
      captured.push(this.feed.latest(listing).then((close) => this.prices.record(listing, close)));
//                                                            ^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    await Promise.allSettled(captured);
  }

  /** Only the quote provider is called per listing: no query, so the unbounded fan-out is the finding. */
  async quotes(listings: Listing[]) {
    const quotes: Promise<number>[] = [];
    for (const listing of listings) quotes.push(this.feed.latest(listing));
    return Promise.all(quotes);
//         ^^^^^^^^^^^ unbounded-promise-all
  }
}
