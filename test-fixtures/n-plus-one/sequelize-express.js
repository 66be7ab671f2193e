const express = require('express');
const { DataTypes, Model, Op, Sequelize } = require('sequelize');

const sequelize = new Sequelize(process.env.DATABASE_URL);

class User extends Model {}
User.init({ name: DataTypes.STRING }, { sequelize, modelName: 'User' });

const Post = sequelize.define('Post', { title: DataTypes.STRING, userId: DataTypes.INTEGER });

User.hasMany(Post);
Post.belongsTo(User, { as: 'writer' });

const router = express.Router();

router.get('/feed', async (req, res) => {
  const posts = await Post.findAll({ limit: 20 });
  const feed = [];
  for (const post of posts) {
    const user = await User.findByPk(post.userId);
//                     ^^^^^^^^^^^^^ n-plus-one
    const writer = await post.getWriter();
//                       ^^^^^^^^^^^^^^ n-plus-one
    feed.push({ title: post.title, user: user && user.name, writer: writer && writer.name });
  }
  res.json(feed);
});

router.get('/users', async (req, res) => {
  const users = await User.findAll({ where: { id: { [Op.in]: req.query.ids } } });
  const summaries = [];
  for (const user of users) {
    summaries.push({ name: user.name, posts: await user.countPosts(), latest: await Post.findOne({ where: { userId: user.id }, order: [['id', 'DESC']] }) });
//                                                 ^^^^^^^^^^^^^^^ n-plus-one
//                                                                                  ^^^^^^^^^^^^ n-plus-one
  }
  const [rows] = await sequelize.query('SELECT 1');
  res.json({ summaries, rows });
});

router.post('/bulk', async (req, res) => {
  const eager = await User.findAll({ include: Post });
  for (const user of eager) {
    console.log(user.name, user.Posts.length, user.get('name'));
  }
  for (const id of req.body.ids) {
    await sequelize.query('UPDATE "Users" SET seen = true WHERE id = ?', { replacements: [id] });
//        ^^^^^^^^^^^^^^^ n-plus-one
  }
  res.sendStatus(204);
});

module.exports = router;
