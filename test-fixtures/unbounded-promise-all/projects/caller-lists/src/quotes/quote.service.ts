// Every use of fetchQuotes by name hands it one or two symbols written out, in this class and in others:
// it starts as few requests. refreshQuotes is also handed every symbol a query returns, and is reported;
// so is a route handler the framework calls, however its other callers call it.
import { Injectable, Post, Body } from '@nestjs/common';
import { db } from '../db';

declare function requestQuote(symbol: string): Promise<number>;

@Injectable()
export class QuoteService {
  async fetchQuotes(symbols: string[]) {
    const prices = await Promise.all(symbols.map((symbol) => requestQuote(symbol)));
    return new Map(symbols.map((symbol, index) => [symbol, prices[index]]));
  }

  async pairQuote(base: string, quote: string) {
    return this.fetchQuotes([base, quote]);
  }

  async refreshQuotes(symbols: string[]) {
    const prices = await Promise.all(symbols.map((symbol) => requestQuote(symbol)));
    //                   ^^^^^^^^^^^ unbounded-promise-all
    return prices;
  }

  async refreshAll() {
    const rows = await db.symbol.findMany();
    return this.refreshQuotes(rows.map((row) => row.name));
  }

  @Post('quotes')
  async requestedQuotes(@Body() symbols: string[]) {
    return Promise.all(symbols.map((symbol) => requestQuote(symbol)));
    //     ^^^^^^^^^^^ unbounded-promise-all
  }
}
