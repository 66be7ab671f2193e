// valid
import type { PrismaClient } from '@prisma/client';

export class OrdersController {
  constructor(private readonly db: PrismaClient) {}

  async load(id: string) {
    return this.db.order.findUnique({ where: { id } });
  }
}

export class CustomersController {
  constructor(private readonly db: PrismaClient) {}

  async load(id: string) {
    return this.db.customer.findUnique({ where: { id } });
  }
}

/** Formats in memory only. */
export class ReceiptFormatter {
  async render(id: string) {
    return `Receipt #${id}`;
  }
}

/** Reads a list it keeps in memory. */
export class DraftStore {
  private readonly drafts = new Map<string, string>();

  async load(id: string) {
    return this.drafts.get(id);
  }
}
