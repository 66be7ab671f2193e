import { countVotes, getBoardById } from './boards';

interface Post {
  postId: string;
  boardId: string;
  authorId: string;
}

export async function decoratePosts(posts: Post[]) {
  const decorated = [];
  for (const post of posts) {
    const board = await getBoardById(post.boardId);
//                      ^^^^^^^^^^^^ n-plus-one
    const votes = await countVotes(post.postId);
//                      ^^^^^^^^^^ n-plus-one
    decorated.push({ ...post, board, votes });
  }
  return decorated;
}
