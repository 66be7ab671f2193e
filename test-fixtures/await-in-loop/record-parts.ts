// A loop over the parts of one record that hands each call the record itself keeps the record's order;
// a loop that hands over only the part, or another record, is still reported.

interface Adjustment {
  amount: number;
}

interface Line {
  id: string;
  sku: string;
  quantity: number;
  adjustments: Adjustment[];
}

interface Invoice {
  id: string;
  lines: Line[];
  shippingLines: Line[];
  total: number;
}

interface Context {
  channel: string;
}

interface TaxPolicy {
  linesFor(ctx: Context, invoice: Invoice, line: Line): Promise<Adjustment[]>;
}

interface Discount {
  apply(ctx: Context, target: { line: Line; invoice: Invoice }): Promise<Adjustment | undefined>;
}

declare function fetchStock(sku: string): Promise<number>;
declare function recordUsage(ctx: Context, invoice: Invoice, line: Line): Promise<void>;

export class InvoiceCalculator {
  constructor(
    private readonly taxes: TaxPolicy,
    private readonly discounts: Discount[],
  ) {}

  /** Each line's tax reads the invoice's running total, which the lines before it changed. */
  async applyTaxes(ctx: Context, invoice: Invoice): Promise<void> {
    for (const line of invoice.lines) {
      line.adjustments.push(...(await this.taxes.linesFor(ctx, invoice, line)));
      invoice.total += line.adjustments.reduce((sum, adjustment) => sum + adjustment.amount, 0);
    }
  }

  /** The lines the update touched, still parts of the one invoice. */
  async applyDiscount(ctx: Context, invoice: Invoice, changedIds: string[]): Promise<void> {
    const changed = invoice.lines.filter((line) => changedIds.includes(line.id));
    const discount = this.discounts[0];
    if (!discount) return;
    for (const line of changed) {
      const adjustment = await discount.apply(ctx, { line, invoice });
      if (adjustment) line.adjustments.push(adjustment);
    }
  }

  /** Destructured parts, handed back with their record. */
  async recordShipping(ctx: Context, invoice: Invoice): Promise<void> {
    const { shippingLines } = invoice;
    for (const shippingLine of shippingLines) {
      await recordUsage(ctx, invoice, shippingLine);
    }
  }

  /** Only the part goes to the call: the stock of each line can be read at once. */
  async stockLevels(invoice: Invoice): Promise<number[]> {
    const levels: number[] = [];
    for (const line of invoice.lines) {
      levels.push(await fetchStock(line.sku));
      //          ^^^^^ await-in-loop
    }
    return levels;
  }

  /** Parts of one invoice handed with another record: nothing ties the calls together. */
  async copyUsage(ctx: Context, source: Invoice, target: Invoice): Promise<void> {
    for (const line of source.lines) {
      await recordUsage(ctx, target, line);
//    ^^^^^ await-in-loop
    }
  }
}
