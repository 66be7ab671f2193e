import { Injectable } from '@nestjs/common';
import { PriceService } from '../prices/price.service';

interface Entry {
  amount: number;
  currency: string;
  bookedAt: Date;
}

@Injectable()
export class StatementService {
  constructor(private readonly prices: PriceService) {}

  async totalAt(entries: Entry[], target: string) {
    let total = 0;
    for (const entry of entries) {
      total += await this.prices.convertAt(entry.amount, entry.currency, target, entry.bookedAt);
//                   ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return total;
  }

  async totalKnown(entries: Entry[], target: string) {
    let total = 0;
    for (const entry of entries) {
      total += await this.prices.convertKnown(entry.amount, entry.currency, target);
//             ^^^^^ await-in-loop
    }
    return total;
  }

  async importDays(days: { quotes: { pair: string; day: Date; price: number }[] }[]) {
    for (const day of days) {
      await this.prices.storeDay(day.quotes);
//          ^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async latestPrices(pairs: string[]) {
    const prices: (number | undefined)[] = [];
    for (const pair of pairs) {
      prices.push(await this.prices.latestPrice(pair));
//                ^^^^^ await-in-loop
    }
    return prices;
  }

  async roundAll(amounts: number[]) {
    const values: number[] = [];
    for (const amount of amounts) {
      values.push(await this.prices.rounded(amount));
//                ^^^^^ await-in-loop
    }
    return values;
  }

  async spotPrices(pairs: string[]) {
    const prices: (number | undefined)[] = [];
    for (const pair of pairs) {
      prices.push(await this.prices.priceByKind('spot', pair));
//                ^^^^^ await-in-loop
    }
    return prices;
  }

  async listAll(pairs: string[]) {
    for (const pair of pairs) {
      await this.prices.list(pair);
//    ^^^^^ await-in-loop
    }
  }

  crossRates(pairs: { base: number; quote: number }[]) {
    return pairs.map((pair) => this.prices.crossRate(pair.base, pair.quote, false));
  }
}
