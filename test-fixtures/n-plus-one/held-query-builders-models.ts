import mongoose, { Schema } from 'mongoose';
import { Model } from 'objection';

const Review = mongoose.model('Review', new Schema({ productId: String, stars: Number, createdAt: Date }));

export class Variant extends Model {
  static tableName = 'variants';
  productId!: string;
}

export async function reviewsPerProduct(productIds: string[], newestFirst: boolean) {
  const reviews = [];
  for (const productId of productIds) {
    const query = Review.find({ productId });
//                ^^^^^^^^^^^ n-plus-one
    if (newestFirst) query.sort({ createdAt: -1 });
    reviews.push(await query.exec());
  }
  return reviews;
}

export async function variantsPerProduct(productIds: string[], color?: string) {
  const variants = [];
  for (const productId of productIds) {
    const query = Variant.query().where('productId', productId);
//                ^^^^^^^^^^^^^ n-plus-one
    if (color) query.where('color', color);
    variants.push(await query);
  }
  return variants;
}

export async function reviewsOfProducts(productIds: string[]) {
  const query = Review.find({ productId: { $in: productIds } });
  for (const stars of [4, 5]) query.where('stars').ne(stars);
  return query.exec();
}
