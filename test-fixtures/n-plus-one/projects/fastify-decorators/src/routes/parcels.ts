import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';

type Batch = { parcelIds: string[]; depotIds: string[] };

export async function parcelRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.post('/parcels/check', async (request: FastifyRequest<{ Body: Batch }>) => {
    const found = [];
    for (const id of request.body.parcelIds) {
      found.push(await fastify.prisma.parcel.findUnique({ where: { id } }));
//                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return found;
  });

  fastify.post('/depots/stock', async (request: FastifyRequest<{ Body: Batch }>) => {
    const stock: Record<string, number> = {};
    for (const depotId of request.body.depotIds) {
      const row = await fastify.warehouse('stock').where({ depotId }).first();
//                      ^^^^^^^^^^^^^^^^^ n-plus-one
      stock[depotId] = row?.count ?? 0;
    }
    return stock;
  });

  fastify.route({
    method: 'POST',
    url: '/parcels/owners',
    handler: async function (request: FastifyRequest<{ Body: Batch }>) {
      const owners = [];
      for (const id of request.body.parcelIds) {
        owners.push(await this.prisma.owner.findFirst({ where: { parcelId: id } }));
//                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      }
      return owners;
    },
  });

  fastify.post('/depots/rates', async (request: FastifyRequest<{ Body: Batch }>) => {
    return request.body.depotIds.map((depotId) => fastify.rates.get(depotId) ?? 0);
  });
}

export async function labelsFor(request: FastifyRequest, parcelIds: string[]) {
  const labels = [];
  for (const id of parcelIds) {
    labels.push(await request.server.prisma.label.findFirst({ where: { parcelId: id } }));
//                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return labels;
}

const trackingRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: Batch }>('/tracking', async (request) => {
    const events = [];
    for (const id of request.body.parcelIds) {
      events.push(await app.mongo.db!.collection('tracking').findOne({ parcelId: id }));
//                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return events;
  });

  app.register(async (scoped) => {
    scoped.post<{ Body: Batch }>('/tracking/seen', async (request) => {
      for (const id of request.body.parcelIds) {
        await scoped.redis.set(`seen:${id}`, Date.now());
//            ^^^^^^^^^^^^^^^^ n-plus-one
      }
    });
  });
};

export default trackingRoutes;
