// valid
global.APP = { config: {} };

APP.models = require('./core/db').init();
