// valid
var mongoose = require('mongoose');

var RequestSchema = new mongoose.Schema({ request_id: String, id_project: String });

module.exports = mongoose.model('request', RequestSchema);
