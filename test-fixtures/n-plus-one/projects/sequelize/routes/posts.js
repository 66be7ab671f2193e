const express = require('express');
const { Post, User } = require('../models');

const router = express.Router();

router.get('/', async (req, res) => {
  const posts = await Post.findAll({ limit: 20 });
  const rows = [];
  for (const post of posts) {
    const author = await post.getAuthor();
//                       ^^^^^^^^^^^^^^ n-plus-one
    rows.push({ title: post.title, author: author && author.name });
  }
  res.json(rows);
});

router.get('/by-user', async (req, res) => {
  const ids = req.query.ids.split(',');
  const users = [];
  for (const id of ids) users.push(await User.findByPk(id));
//                                       ^^^^^^^^^^^^^ n-plus-one
  const counts = [];
  for (const user of users) counts.push(await user.countPosts());
//                                            ^^^^^^^^^^^^^^^ n-plus-one
  res.json({ users, counts });
});

router.get('/eager', async (req, res) => {
  const posts = await Post.findAll({ include: [{ model: User, as: 'author' }] });
  res.json(posts.map((post) => ({ title: post.title, author: post.author.name })));
});

module.exports = router;
