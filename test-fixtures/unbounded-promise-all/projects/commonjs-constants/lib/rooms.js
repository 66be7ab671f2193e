// valid
exports.DEFAULT_ROOMS = ['kitchen', 'living-room', 'bedroom'];
