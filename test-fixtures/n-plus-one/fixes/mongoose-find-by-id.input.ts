import mongoose from 'mongoose';

const Author = mongoose.model('Author', new mongoose.Schema({ name: String }));

export async function main(books: Array<{ title: string; author: unknown }>) {
  const lines: string[] = [];
  for (const book of books) {
    const author = await Author.findById(book.author);
    lines.push(`${book.title} by ${author ? author.get('name') : 'nobody'}`);
  }
  return lines;
}
