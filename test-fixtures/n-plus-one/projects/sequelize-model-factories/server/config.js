// valid
module.exports = () => ({ dialect: 'sqlite', storage: process.env.DATABASE_PATH });
