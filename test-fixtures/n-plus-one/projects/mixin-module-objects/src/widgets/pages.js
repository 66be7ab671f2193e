// valid
'use strict';

const widget = require('.');

exports.renderAll = function (list) {
	return list.map((options) => widget.render(options));
};
