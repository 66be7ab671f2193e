import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service';

@Injectable()
export class PriceService {
  private readonly quotes = new Map<string, number>();
  private readonly latest = new Map<string, number>();
  private readonly pegged: Record<string, number> = { USDUSD: 1 };

  constructor(private readonly prisma: PrismaService) {}

  /** Converts at a date: a query only when neither the amount nor the pair settles it. */
  async convertAt(amount: number, from: string, to: string, day: Date) {
    if (amount === 0) {
      return 0;
    }
    let rate: number;
    if (from === to) {
      rate = 1;
    } else if (this.pegged[`${from}${to}`]) {
      rate = this.pegged[`${from}${to}`];
    } else {
      const quote = await this.prisma.quote.findFirst({ where: { pair: `${from}${to}`, day } });
      rate = quote?.price ?? 0;
    }
    return amount * rate;
  }

  /** Looks the pair up in the map first: a query per distinct pair, filled on a miss. */
  async convertKnown(amount: number, from: string, to: string) {
    const key = `${from}${to}`;
    if (!this.quotes.has(key)) {
      const quote = await this.prisma.quote.findFirst({ where: { pair: key } });
      this.quotes.set(key, quote?.price ?? 0);
    }
    return amount * (this.quotes.get(key) ?? 0);
  }

  /** The latest price of a pair, from the map when it holds one. */
  async latestPrice(pair: string) {
    return this.latest.get(pair) ?? (await this.prisma.quote.findFirst({ where: { pair }, orderBy: { day: 'desc' } }))?.price;
  }

  /** Rounds an amount, and records the rounding when the caller hands an audit id. */
  async rounded(amount: number, auditId?: string) {
    const value = Math.round(amount * 100) / 100;
    if (auditId) {
      await this.prisma.rounding.create({ data: { auditId, amount, value } });
    }
    return value;
  }

  /** A price by kind: the spot price from the map, the closing one from the table. */
  async priceByKind(kind: 'spot' | 'close', pair: string) {
    switch (kind) {
      case 'spot':
        return this.latest.get(pair);
      case 'close':
        return (await this.prisma.quote.findFirst({ where: { pair }, orderBy: { day: 'desc' } }))?.price;
    }
  }

  /** Lists a pair on the feed, and marks it listed when the feed took it: the feed is the work of each call. */
  async list(pair: string) {
    const accepted = await this.sendToFeed(pair);
    if (accepted) {
      await this.prisma.quote.updateMany({ where: { pair }, data: { published: true } });
    }
    return accepted;
  }

  private async sendToFeed(pair: string) {
    const response = await fetch(`https://feed.example.com/pairs/${pair}`, { method: 'POST' });
    return response.ok;
  }

  /** Writes every quote of a day in one transaction, one upsert statement each. */
  async storeDay(quotes: { pair: string; day: Date; price: number }[]) {
    const writes = quotes.map(({ pair, day, price }) => {
      return this.prisma.quote.upsert({ where: { pair_day: { pair, day } }, create: { pair, day, price }, update: { price } });
//           ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    });
    return this.prisma.$transaction(writes);
  }

  /** Computes the rate from what it is handed: no query on any path. */
  crossRate(base: number, quote: number, inverted: boolean) {
    return inverted ? 1 / (base * quote) : base * quote;
  }
}
