// valid
module.exports = (sequelize, DataTypes) => {
  const Post = sequelize.define('Post', { title: DataTypes.STRING, authorId: DataTypes.INTEGER });
  Post.associate = (models) => {
    Post.belongsTo(models.User, { as: 'author', foreignKey: 'authorId' });
  };
  return Post;
};
