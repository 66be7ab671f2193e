import { db, ObjectId } from '../infrastructure/mongodb.mjs';

async function getBoard(boardId) {
  return db.boards.findOne({ _id: new ObjectId(boardId) });
}

export async function boardsOfCards(cards) {
  const boards = [];
  for (const card of cards) {
    boards.push(await getBoard(card.boardId));
//                    ^^^^^^^^ n-plus-one
  }
  return boards;
}

export async function archiveCards(cardIds) {
  await Promise.all(cardIds.map((cardId) => db.cards.updateOne({ _id: new ObjectId(cardId) }, { $set: { archived: true } })));
//                                          ^^^^^^^^^^^^^^^^^^ n-plus-one
}

export async function boardsOfCardsAtOnce(cards) {
  const ids = cards.map((card) => new ObjectId(card.boardId));
  return db.boards.find({ _id: { $in: ids } }).toArray();
}
