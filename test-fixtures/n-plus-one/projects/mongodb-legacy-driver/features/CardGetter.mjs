// valid
import { callbackify } from 'node:util';
import { db, ObjectId } from '../infrastructure/mongodb.mjs';

const CardGetter = {
  async getCard(cardId) {
    return db.cards.findOne({ _id: new ObjectId(cardId) });
  },

  describe(card) {
    return `${card.title} (${card.boardId})`;
  },
};

export default {
  getCard: callbackify(CardGetter.getCard),
  describe: CardGetter.describe,
  promises: CardGetter,
};
