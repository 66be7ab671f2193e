// A loop that points one context at each item in turn (`ctx.setRegion(region)`) and hands that context to every call runs
// each call against the item the context is set to now: run together, they would all see the last. Calls handed a context
// the loop leaves alone are reported.
interface Region {
  id: string;
}

interface Listing {
  id: string;
  price: number;
}

class JobContext {
  region?: Region;
  setRegion(region: Region): void {
    this.region = region;
  }
}

declare const pricing: { priceIn(listing: Listing, ctx: JobContext): Promise<number> };
declare const index: { write(ctx: JobContext, listing: Listing, price: number): Promise<void> };

export async function reindexPerRegion(ctx: JobContext, listing: Listing, regions: Region[]): Promise<void> {
  for (const region of regions) {
    ctx.setRegion(region);
    const price = await pricing.priceIn(listing, ctx);
    await index.write(ctx, listing, price);
  }
}

export async function reindexListings(ctx: JobContext, listings: Listing[]): Promise<void> {
  for (const listing of listings) {
    const price = await pricing.priceIn(listing, ctx);
    //            ^^^^^ await-in-loop
    await index.write(ctx, listing, price);
  }
}

export class Reindexer {
  async everyRegion(ctx: JobContext, listing: Listing, regions: Region[]): Promise<void> {
    for (const region of regions) {
      await this.reindexIn(ctx, listing, region);
    }
  }

  private async reindexIn(ctx: JobContext, listing: Listing, region: Region): Promise<void> {
    ctx.setRegion(region);
    await index.write(ctx, listing, await pricing.priceIn(listing, ctx));
  }
}
