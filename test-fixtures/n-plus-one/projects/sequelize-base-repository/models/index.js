// valid
const { Sequelize, DataTypes } = require('sequelize');

const sequelize = new Sequelize(process.env.DATABASE_URL);

const Course = sequelize.define('Course', { title: DataTypes.STRING });
const Enrollment = sequelize.define('Enrollment', { courseId: DataTypes.INTEGER, studentId: DataTypes.INTEGER });

Course.hasMany(Enrollment, { foreignKey: 'courseId' });

module.exports = { sequelize, Course, Enrollment };
