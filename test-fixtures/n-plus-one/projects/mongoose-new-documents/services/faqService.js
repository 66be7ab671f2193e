var Faq = require('../models/faq');

class FaqService {
  importTemplate(botId, faqs) {
    // One insert per FAQ of the template.
    faqs.forEach((faq) => {
      new Faq({ question: faq.question, answer: faq.answer, bot: botId }).save();
//    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    });
  }

  async copyFaqs(botId, faqs) {
    for (const faq of faqs) {
      const copy = new Faq({ question: faq.question, answer: faq.answer, bot: botId });
      await copy.save();
//          ^^^^^^^^^ n-plus-one
    }
  }

  async addFaq(botId, question, answer) {
    // One document, one insert.
    const faq = new Faq({ question, answer, bot: botId });
    return faq.save();
  }

  async importAll(botId, faqs) {
    // One call for every FAQ.
    return Faq.insertMany(faqs.map((faq) => ({ question: faq.question, answer: faq.answer, bot: botId })));
  }
}

module.exports = new FaqService();
