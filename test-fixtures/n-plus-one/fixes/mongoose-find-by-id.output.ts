import mongoose from 'mongoose';

const Author = mongoose.model('Author', new mongoose.Schema({ name: String }));

export async function main(books: Array<{ title: string; author: unknown }>) {
  const lines: string[] = [];
  const authorRows = await Author.find({ _id: { $in: books.map((book) => book.author) } });
  const authorById = new Map(authorRows.map((row) => [String(row._id), row]));
  for (const book of books) {
    const author = authorById.get(String(book.author)) ?? null;
    lines.push(`${book.title} by ${author ? author.get('name') : 'nobody'}`);
  }
  return lines;
}
