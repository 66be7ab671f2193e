// valid
'use strict';

const widget = require(`./${process.env.WIDGET}`);

module.exports = widget;
