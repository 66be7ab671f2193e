import { Router } from 'express';
import mongoose, { Schema, model } from 'mongoose';

const Author = model('Author', new Schema({ name: String }));
const Book = mongoose.model('Book', new Schema({ title: String, author: { type: Schema.Types.ObjectId, ref: 'Author' } }));

export const books = Router();

books.get('/', async (_req, res) => {
  const list = await Book.find().lean();
  const result = [];
  for (const book of list) {
    const author = await Author.findById(book.author);
//                       ^^^^^^^^^^^^^^^ n-plus-one
    result.push({ title: book.title, author: author?.name });
  }
  res.json(result);
});

books.get('/populated', async (_req, res) => {
  const docs = await Book.find();
  for (const doc of docs) {
    await doc.populate('author');
//        ^^^^^^^^^^^^ n-plus-one
  }
  docs.forEach((doc) => {
    void Book.countDocuments({ author: doc.author }).then((count) => console.log(doc.id, count));
//       ^^^^^^^^^^^^^^^^^^^ n-plus-one
  });
  res.json(docs);
});

books.get('/valid', async (req, res) => {
  const ids: string[] = req.body.ids;
  const found = await Book.find({ _id: { $in: ids } }).populate('author');
  const byId = new Map(found.map((book) => [String(book._id), book]));
  res.json(ids.map((id) => byId.get(id) ?? null));
});
