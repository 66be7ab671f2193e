import mongoose from 'mongoose';

const Author = mongoose.model('Author', new mongoose.Schema({ name: String }));

export async function main(books: Array<{ title: string; author?: unknown }>) {
  return Promise.all(
    books.map(async (book) => {
      const author = book.author ? await Author.findById(book.author) : null;
      return `${book.title} by ${author ? author.get('name') : 'nobody'}`;
    }),
  );
}
