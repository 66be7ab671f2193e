// One upsert per provider the service is wired with (a method that returns its injected providers): a few. The same loop over
// an awaited call's rows, or over a request's list, is one query per item.
import { PrismaClient } from '@prisma/client';

interface QuoteProvider {
  name(): string;
  lookup(symbol: string): Promise<{ symbol: string; currency: string } | undefined>;
}

export class QuoteResolver {
  private readonly prisma = new PrismaClient();

  public constructor(private readonly providers: QuoteProvider[]) {}

  private getQuoteProviders(): QuoteProvider[] {
    return this.providers.filter((provider) => provider.name() !== 'manual');
  }

  private async loadSavedProviders(ownerId: string): Promise<{ name: string }[]> {
    return this.prisma.savedProvider.findMany({ where: { ownerId } });
  }

  public async resolve(symbol: string): Promise<void> {
    for (const provider of this.getQuoteProviders()) {
      const quote = await provider.lookup(symbol);
      if (!quote) continue;
      await this.prisma.symbolResolution.upsert({
        where: { provider_symbol: { provider: provider.name(), symbol } },
        create: { provider: provider.name(), symbol, currency: quote.currency },
        update: { hits: { increment: 1 } },
      });
    }
  }

  public async touchSaved(ownerId: string): Promise<void> {
    for (const saved of await this.loadSavedProviders(ownerId)) {
      await this.prisma.providerUsage.update({ where: { name: saved.name }, data: { lastUsedAt: new Date() } });
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  public async record(symbols: string[]): Promise<void> {
    for (const symbol of symbols) {
      await this.prisma.symbolResolution.update({ where: { id: symbol }, data: { hits: { increment: 1 } } });
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }
}
