import { NextResponse } from 'next/server';
import { prisma } from '@/lib/prisma';

export async function GET() {
  const posts = await prisma.post.findMany({ take: 20, orderBy: { createdAt: 'desc' } });
  const feed = [];
  for (const post of posts) {
    const author = await prisma.user.findUnique({ where: { id: post.authorId }, select: { name: true } });
//                       ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    const likes = await prisma.like.count({ where: { postId: post.id } });
//                      ^^^^^^^^^^^^^^^^^ n-plus-one
    feed.push({ ...post, author, likes });
  }
  return NextResponse.json(feed);
}
