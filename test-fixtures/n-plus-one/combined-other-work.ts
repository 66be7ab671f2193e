// A function whose Promise.all waits on a download and a web request before its write: that work is what each item waits on,
// a loop to run concurrently rather than one statement to batch.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

async function downloadCover(url: string) {
  const response = await fetch(url);
  return Buffer.from(await response.arrayBuffer());
}

async function refreshBook(bookId: string, coverUrl: string) {
  const [cover, details] = await Promise.all([downloadCover(coverUrl), fetch(`https://books.example.com/api/${bookId}`)]);
  await prisma.book.update({ where: { id: bookId }, data: { cover, blurb: await details.text() } });
}

export async function refreshShelf(books: Array<{ id: string; coverUrl: string }>) {
  for (const book of books) {
    await refreshBook(book.id, book.coverUrl);
//  ^^^^^ await-in-loop
  }
}
