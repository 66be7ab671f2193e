import { couponSchema, knownSkuSchema, orderLineSchema, newSkuSchema } from '../schemas/order-schemas';

interface Line {
  sku: string;
  quantity: number;
}

/** The lines whose shape is wrong: a schema check per line, in memory. */
export async function invalidLines(lines: Line[]): Promise<Line[]> {
  const results = await Promise.allSettled(lines.map((line) => orderLineSchema.validateAsync(line)));
  return lines.filter((_, index) => results[index]!.status === 'rejected');
}

export async function parseCoupons(codes: string[]): Promise<unknown[]> {
  return Promise.all(codes.map((code) => couponSchema.parseAsync({ code, percent: 10 })));
}

/** A catalogue lookup per line, all at once. */
export async function unknownLines(lines: Line[]): Promise<number> {
  const results = await Promise.allSettled(lines.map((line) => knownSkuSchema.validateAsync(line)));
  //                    ^^^^^^^^^^^^^^^^^^ unbounded-promise-all
  return results.filter((result) => result.status === 'rejected').length;
}

export async function newSkus(skus: string[]): Promise<unknown[]> {
  return Promise.all(skus.map((sku) => newSkuSchema.validate(sku)));
  //     ^^^^^^^^^^^ unbounded-promise-all
}
