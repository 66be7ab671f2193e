import { prisma } from '../db';
import { CustomersController, DraftStore, OrdersController, ReceiptFormatter } from '../controllers/orders-controller';

export class OrdersApi {
  private readonly orders = new OrdersController(prisma);
  private customers;
  private receipts;

  constructor() {
    this.customers = new CustomersController(prisma);
  }

  async start() {
    this.receipts = new ReceiptFormatter();
  }

  async summaries(ids: string[]) {
    const rows = [];
    for (const id of ids) {
      rows.push(await this.orders.load(id));
      //              ^^^^^^^^^^^^^^^^ n-plus-one
    }
    return rows;
  }

  async buyers(ids: string[]) {
    return Promise.all(ids.map((id) => this.customers.load(id)));
    //                                 ^^^^^^^^^^^^^^^^^^^ n-plus-one
  }

  async receiptsFor(ids: string[]) {
    const texts = [];
    for (const id of ids) texts.push(await this.receipts.render(id));
    //                               ^^^^^ await-in-loop
    return texts;
  }

  /** Older code reaches the instance from a callback through an alias. */
  async refresh(ids: string[]) {
    var that = this;
    const loaded = [];
    for (const id of ids) {
      loaded.push(await that.orders.load(id));
      //                ^^^^^^^^^^^^^^^^ n-plus-one
    }
    return loaded;
  }
}

/** A field that one method sets to a controller and another to an in-memory store is neither. */
export class DraftsApi {
  private source;

  async useDatabase() {
    this.source = new OrdersController(prisma);
  }

  async useDrafts() {
    this.source = new DraftStore();
  }

  async all(ids: string[]) {
    const found = [];
    for (const id of ids) found.push(await this.source.load(id));
    //                               ^^^^^ await-in-loop
    return found;
  }
}
