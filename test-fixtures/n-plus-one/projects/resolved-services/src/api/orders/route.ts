import type { IOrderService, Order } from '../../orders/order-service.interface';
import type { INotifier } from '../../notifications/notifier.interface';
import type { IRateProvider } from '../../shipping/rate-provider.interface';

type Scope = { resolve<T>(key: string): T };
type Request = { scope: Scope; body: { ids: string[] } };
type Response = { json(body: unknown): void };
type Logger = { info(message: string): Promise<void> };

export async function GET(req: Request, res: Response) {
  const orderService = req.scope.resolve<IOrderService>('orderService');
  const orders: Array<Order | null> = [];
  for (const id of req.body.ids) {
    orders.push(await orderService.retrieve(id));
//                    ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  res.json({ orders });
}

export async function POST(req: Request, res: Response) {
  const notifier = req.scope.resolve<INotifier>('notifier');
  for (const id of req.body.ids) {
    await notifier.notify(id);
//  ^^^^^ await-in-loop
  }
  res.json({ notified: req.body.ids.length });
}

export async function PUT(req: Request, res: Response) {
  const rates = req.scope.resolve<IRateProvider>('rateProvider');
  const quotes: number[] = [];
  for (const id of req.body.ids) {
    quotes.push(await rates.quote(id));
//              ^^^^^ await-in-loop
  }
  res.json({ quotes });
}

export async function DELETE(req: Request, res: Response) {
  const logger = req.scope.resolve<Logger>('logger');
  for (const id of req.body.ids) {
    await logger.info(id);
//  ^^^^^ await-in-loop
  }
  res.json({ deleted: 0 });
}
