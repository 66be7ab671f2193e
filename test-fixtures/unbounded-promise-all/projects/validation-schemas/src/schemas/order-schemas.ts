// valid
import Joi from 'joi';
import * as yup from 'yup';
import { z } from 'zod';

declare function skuExists(sku: string): Promise<boolean>;

/** Checked against its rules in memory. */
export const orderLineSchema = Joi.object()
  .keys({ sku: Joi.string().required(), quantity: Joi.number().min(1) })
  .options({ abortEarly: false });

/** Asks the catalogue for every line: an external rule runs the code's own lookup. */
export const knownSkuSchema = Joi.object().keys({ sku: Joi.string() }).external(async (line: { sku: string }) => {
  if (!(await skuExists(line.sku))) throw new Error(`Unknown SKU ${line.sku}`);
});

/** Written out in memory. */
export const couponSchema = z.object({ code: z.string().min(4), percent: z.number().max(100) });

/** Unique across the store: a test that queries. */
export const newSkuSchema = yup.string().test('new', 'SKU taken', async (sku) => !(await skuExists(sku ?? '')));
