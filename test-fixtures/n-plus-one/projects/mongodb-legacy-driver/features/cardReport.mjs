import CardGetter from './CardGetter.mjs';

export async function cardsOfIds(cardIds) {
  return Promise.all(cardIds.map((cardId) => CardGetter.promises.getCard(cardId)));
//                                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
}

export function describeCards(cards) {
  return cards.map((card) => CardGetter.promises.describe(card));
}
