const User = require('../models/User');
const Post = require('../models/Post').default;

exports.list = async (req, res) => {
  const posts = await Post.find().sort({ createdAt: -1 }).limit(20);
  const items = [];
  for (const post of posts) {
    const author = await User.findById(post.author).select('name');
//                       ^^^^^^^^^^^^^ n-plus-one
    items.push({ title: post.title, author: author ? author.name : null });
  }
  for (const post of posts) {
    await post.populate('author');
//        ^^^^^^^^^^^^^ n-plus-one
  }
  res.json(items);
};

exports.populated = async (req, res) => {
  const posts = await Post.find().populate('author', 'name');
  res.json(posts.map((post) => ({ title: post.title, author: post.author.name })));
};
