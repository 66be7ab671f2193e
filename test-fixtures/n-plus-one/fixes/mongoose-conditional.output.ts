import mongoose from 'mongoose';

const Author = mongoose.model('Author', new mongoose.Schema({ name: String }));

export async function main(books: Array<{ title: string; author?: unknown }>) {
  const authorRows = await Author.find({ _id: { $in: books.flatMap((book) => (book.author ? [book.author] : [])) } });
  const authorById = new Map(authorRows.map((row) => [String(row._id), row]));
  return Promise.all(
    books.map(async (book) => {
      const author = book.author ? (authorById.get(String(book.author)) ?? null) : null;
      return `${book.title} by ${author ? author.get('name') : 'nobody'}`;
    }),
  );
}
