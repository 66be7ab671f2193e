import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

declare const shortener: { shorten(url: string): Promise<string> };

// One fan-out, one finding: the inner Promise.all runs in the callback of the outer one, which is reported.
export async function shortenAllPosts(): Promise<string[][]> {
  const posts = await prisma.post.findMany({ where: { published: true } });
  return Promise.all(
  //     ^^^^^^^^^^^ unbounded-promise-all
    posts.map(async (post) => {
      const urls = post.content.match(/https?:\/\/\S+/g) ?? [];
      return Promise.all(urls.map((url) => shortener.shorten(url)));
    }),
  );
}
