// valid
export interface QuoteClient {
  priceOf(sku: string): Promise<number>;
}
