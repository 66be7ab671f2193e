const { Model, Sequelize } = require('sequelize');

const sequelize = new Sequelize('sqlite::memory:');

class Document extends Model {
  isPublished() {
    return this.get('state') === 'published';
  }
}
Document.init({}, { sequelize });
class User extends Model {}
User.init({}, { sequelize });

async function main(event, teamId, transaction) {
  const titles = await Promise.all(
    event.data.links.map(async (link, position) => {
      const document = await Document.findOne({ where: { id: link.documentId, teamId }, transaction });
      if (!document || !document.isPublished()) return `${position}: hidden`;
      return `${position}: ${document.get('title')}`;
    }),
  );
  const notified = [];
  for (const mention of event.mentions) {
    if (notified.includes(mention.userId)) continue;
    const user = await User.findByPk(mention.userId, { transaction });
    if (user && user.get('active')) {
      notified.push(mention.userId);
      console.log(`notify ${user.get('name')}`);
    }
  }
  return { titles, notified };
}

module.exports = { main };
