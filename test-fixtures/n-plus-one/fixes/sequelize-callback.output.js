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
  const documentRows = await Document.findAll({ where: { id: event.data.links.map((link) => link.documentId), teamId }, transaction });
  const documentById = new Map(documentRows.map((row) => [String(row.get('id')), row]));
  const titles = await Promise.all(
    event.data.links.map(async (link, position) => {
      const document = documentById.get(String(link.documentId)) ?? null;
      if (!document || !document.isPublished()) return `${position}: hidden`;
      return `${position}: ${document.get('title')}`;
    }),
  );
  const notified = [];
  const userRows = await User.findAll({ where: { [User.primaryKeyAttribute]: [...event.mentions].map((mention) => mention.userId) }, transaction });
  const userByPk = new Map(userRows.map((row) => [String(row.get(User.primaryKeyAttribute)), row]));
  for (const mention of event.mentions) {
    if (notified.includes(mention.userId)) continue;
    const user = userByPk.get(String(mention.userId)) ?? null;
    if (user && user.get('active')) {
      notified.push(mention.userId);
      console.log(`notify ${user.get('name')}`);
    }
  }
  return { titles, notified };
}

module.exports = { main };
