import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload';

/** Prices each line of a cart from its product. */
const priceLines: CollectionBeforeChangeHook = async ({ data, req }) => {
  for (const line of data.lines ?? []) {
    const product = await req.payload.findByID({ collection: 'products', id: line.product, depth: 0 });
//                        ^^^^^^^^^^^^^^^^^^^^ n-plus-one
    line.price = product.price * line.quantity;
  }
  return data;
};

export const Carts: CollectionConfig = {
  slug: 'carts',
  hooks: {
    beforeChange: [priceLines],
    afterChange: [
      async ({ doc, req: { payload } }) => {
        await Promise.all(
          doc.lines.map((line: { product: string }) =>
            payload.update({ collection: 'products', id: line.product, data: { reservedAt: new Date().toISOString() } }),
//          ^^^^^^^^^^^^^^ n-plus-one
          ),
        );
      },
    ],
    afterDelete: [
      async ({ doc, req }) => {
        const { payload } = req;
        for (const line of doc.lines) {
          await payload.delete({ collection: 'reservations', where: { product: { equals: line.product } } });
//              ^^^^^^^^^^^^^^ n-plus-one
        }
      },
    ],
  },
  fields: [{ name: 'lines', type: 'array', fields: [] }],
};
