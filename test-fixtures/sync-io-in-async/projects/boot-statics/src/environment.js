// valid
exports.isDev = process.env.NODE_ENV === 'development';
