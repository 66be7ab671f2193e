// valid
var mongoose = require('mongoose');

var MessageSchema = new mongoose.Schema({ text: String, recipient: String, id_project: String, request: Object });

module.exports = mongoose.model('message', MessageSchema);
