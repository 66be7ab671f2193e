// valid
var mongoose = require('mongoose');

var FaqSchema = new mongoose.Schema({ question: String, answer: String, id_project: String, bot: String });

module.exports = mongoose.model('faq', FaqSchema);
