// valid
import { Injectable } from '@nestjs/common';
import { QuoteService } from './quote.service';

@Injectable()
export class PortfolioService {
  constructor(private readonly quoteService: QuoteService) {}

  async valueOf(holding: { symbol: string; units: number }) {
    const quotes = await this.quoteService.fetchQuotes([holding.symbol]);
    return (quotes.get(holding.symbol) ?? 0) * holding.units;
  }

  async refreshHolding(symbol: string) {
    await this.quoteService.refreshQuotes([symbol]);
  }

  async previewQuote(symbol: string) {
    return this.quoteService.requestedQuotes([symbol]);
  }
}
