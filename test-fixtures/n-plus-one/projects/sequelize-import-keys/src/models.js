// valid
const { Sequelize, DataTypes } = require('sequelize');

const sequelize = new Sequelize(process.env.DATABASE_URL);

const Label = sequelize.define('Label', { slug: DataTypes.STRING, owner_id: DataTypes.INTEGER });
const Folder = sequelize.define('Folder', { name: DataTypes.STRING, owner_id: DataTypes.INTEGER });
const Note = sequelize.define('Note', { body: DataTypes.TEXT, kind: DataTypes.STRING, folder_id: DataTypes.INTEGER, owner_id: DataTypes.INTEGER });

module.exports = { Label, Folder, Note };
