import { AppDataSource, postRepository } from '../data-source';
import { Post } from '../entities/post.entity';
import { User } from '../entities/user.entity';

export async function postsWithAuthors() {
  const posts = await postRepository.find({ take: 50 });
  const rows = [];
  for (const post of posts) {
    const author = await post.author;
//                       ^^^^^^^^^^^ n-plus-one
    rows.push({ title: post.title, author: author.name, reviewer: post.reviewer.name });
  }
  return rows;
}

export async function postCounts(users: User[]) {
  const counts = [];
  for (const user of users) {
    counts.push((await user.posts).length);
//                     ^^^^^^^^^^ n-plus-one
    counts.push(await AppDataSource.getRepository(Post).countBy({ title: user.name }));
//                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return counts;
}

export async function preloaded() {
  const posts = await AppDataSource.manager.find(Post, { relations: { author: true } });
  return posts.map((post) => post.title);
}
