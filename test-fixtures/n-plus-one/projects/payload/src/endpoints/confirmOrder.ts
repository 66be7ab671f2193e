import type { Endpoint, PayloadRequest } from 'payload';

async function markPaid(request: PayloadRequest, orderIds: string[]) {
  for (const id of orderIds) {
    await request.payload.db.updateOne({ collection: 'orders', id, data: { status: 'paid' } });
//        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export const confirmOrder: Endpoint = {
  path: '/confirm',
  method: 'post',
  handler: async (req) => {
    const { orderIds } = (await req.json?.()) as { orderIds: string[] };
    await markPaid(req, orderIds);
    const counts = await Promise.all(orderIds.map((id) => req.payload.count({ collection: 'items', where: { order: { equals: id } } })));
//                                                        ^^^^^^^^^^^^^^^^^ n-plus-one
    return Response.json({ counts });
  },
};
