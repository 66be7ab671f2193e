import { Prisma } from '@prisma/client';
import { db } from '../db';
import { viewCount, viewCounts } from '../queries/views';

export async function bumpScores(posts: Array<{ id: string }>) {
  for (const post of posts) {
    await db.$executeRaw`UPDATE "Post" SET "score" = "score" + 1 WHERE "id" = ${post.id}`;
//        ^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function withViews(posts: Array<{ id: string }>) {
  const views = await Promise.all(posts.map((post) => viewCount(post.id)));
//                                                    ^^^^^^^^^ n-plus-one
  return posts.map((post, index) => ({ ...post, views: views[index] }));
}

export async function withViewsBatched(posts: Array<{ id: string }>) {
  const views = await viewCounts(posts.map((post) => post.id));
  return posts.map((post) => ({ ...post, views: views.get(post.id) ?? 0 }));
}

export async function archive(ids: string[]) {
  await db.$executeRaw`UPDATE "Post" SET "archived" = true WHERE "id" = ANY(${ids})`;
}

/** Each table is its own statement: the loop cannot become one statement over ids. */
export async function truncate(tables: string[]) {
  for (const table of tables) {
    await db.$executeRaw`TRUNCATE TABLE ${Prisma.raw(`"${table}"`)} CASCADE`;
  }
}

export async function touchAll(ids: string[]) {
  // One batch, still one UPDATE per id in it: one statement over the ids does the same.
  await db.$transaction(ids.map((id) => db.$executeRaw`UPDATE "Post" SET "updatedAt" = now() WHERE "id" = ${id}`));
//                                      ^^^^^^^^^^^^^^ n-plus-one
}
