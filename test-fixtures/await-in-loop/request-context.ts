// Vendure services: a TransactionalConnection hands every call given the RequestContext the
// repositories of the transaction that context carries, so those calls take turns on one
// connection. A loop of calls that are not given the context is still reported.
type ID = string | number;

declare class RequestContext {
  readonly channelId: ID;
}
declare class TransactionalConnection {
  getRepository<T>(ctx: RequestContext, target: new () => T): { save(entity: T): Promise<T> };
}
declare class RefundLine {
  orderLineId: ID;
  quantity: number;
}
declare class Promotion {
  id: ID;
}
declare class PromotionTranslation {
  languageCode: string;
  name: string;
}

interface TranslatedInput {
  ctx: RequestContext;
  translations: Array<{ languageCode: string; name: string }>;
}
declare class ChannelService {
  assignToChannels(ctx: RequestContext, target: new () => Promotion, id: ID, channelIds: ID[]): Promise<void>;
}
declare class EmailSender {
  send(address: string, subject: string): Promise<void>;
}
declare class HistoryService {
  createEntryForOrder(input: { ctx: RequestContext; orderId: ID; note: string }): Promise<void>;
}
declare class AuditLog {
  record(input: { channelId: ID; orderId: ID }): Promise<void>;
}

export class RefundService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly channelService: ChannelService,
    private readonly emailSender: EmailSender,
    private readonly history: HistoryService,
    private readonly audit: AuditLog,
  ) {}

  async createRefundLines(ctx: RequestContext, lines: Array<{ orderLineId: ID; quantity: number }>): Promise<RefundLine[]> {
    const saved: RefundLine[] = [];
    for (const { orderLineId, quantity } of lines) {
      saved.push(await this.connection.getRepository(ctx, RefundLine).save(Object.assign(new RefundLine(), { orderLineId, quantity })));
    }
    return saved;
  }

  async assignPromotionsToChannel(ctx: RequestContext, promotionIds: ID[], channelId: ID): Promise<void> {
    for (const id of promotionIds) {
      await this.channelService.assignToChannels(ctx, Promotion, id, [channelId]);
    }
  }

  /** The context comes in an options object: the connection's repositories still follow its transaction. */
  async saveTranslations(options: TranslatedInput): Promise<void> {
    const { ctx, translations } = options;
    for (const input of translations) {
      await this.connection.getRepository(ctx, PromotionTranslation).save(Object.assign(new PromotionTranslation(), input));
    }
  }

  /** The context handed over inside the call's options: the entries are written in its transaction. */
  async noteRefunds(ctx: RequestContext, orderIds: ID[]): Promise<void> {
    for (const orderId of orderIds) {
      await this.history.createEntryForOrder({ ctx, orderId, note: 'refunded' });
    }
  }

  /** Only a field of the context goes along: the calls are not given its transaction. */
  async auditRefunds(ctx: RequestContext, orderIds: ID[]): Promise<void> {
    for (const orderId of orderIds) {
      await this.audit.record({ channelId: ctx.channelId, orderId });
    //^^^^^ await-in-loop
    }
  }

  async notifyCustomers(ctx: RequestContext, addresses: string[]): Promise<void> {
    for (const address of addresses) {
      await this.emailSender.send(address, `Refund in channel ${String(ctx.channelId)}`);
    //^^^^^ await-in-loop
    }
  }
}
