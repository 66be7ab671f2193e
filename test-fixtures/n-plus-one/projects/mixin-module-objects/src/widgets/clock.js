// valid
'use strict';

exports.render = function (options) {
	return `<time>${new Date().toLocaleTimeString(options.locale)}</time>`;
};
