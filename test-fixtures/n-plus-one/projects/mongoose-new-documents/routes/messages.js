var express = require('express');
var Message = require('../models/message');
var Request = require('../models/request');

var router = express.Router();

router.get('/', function (req, res, next) {
  return Message.find({ id_project: req.projectid })
    .sort({ createdAt: 'desc' })
    .lean()
    .exec(async (err, messages) => {
      if (err) return next(err);
      // The conversation of each message, one query per message.
      for (var i = 0; i < messages.length; i++) {
        messages[i].request = await Request.findOne({ request_id: messages[i].recipient, id_project: messages[i].id_project }).exec();
//                                  ^^^^^^^^^^^^^^^ n-plus-one
      }
      res.json(messages);
    });
});

router.get('/numbered', async function (req, res) {
  var messages = await Message.find({ id_project: req.projectid }).lean();
  // Each step reads what the last one wrote: a chain, not a list of lookups.
  for (var i = 1; i < messages.length; i++) {
    messages[i].previous = await Request.findOne({ request_id: messages[i - 1].previous.request_id });
  }
  res.json(messages);
});

module.exports = router;
