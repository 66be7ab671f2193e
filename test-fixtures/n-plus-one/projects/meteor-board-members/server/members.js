import { Boards, Cards } from '/models/boards';

export async function dropMembers(boardId, memberIds) {
  for (const memberId of memberIds) {
    await Cards.updateAsync({ boardId }, { $pull: { assignees: memberId } }, { multi: true });
//        ^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

// Each item names its own documents: the ordinary update over the ids.
export async function closeCards(cardIds) {
  for (const cardId of cardIds) {
    await Cards.updateAsync({ _id: cardId }, { $set: { closed: true } }, { multi: true });
//        ^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function boardSizes(boards) {
  const sizes = {};
  for (const board of boards) {
    sizes[board._id] = await Cards.find({ boardId: board._id, archived: { $ne: true } }).countAsync();
//                           ^^^^^^^^^^ n-plus-one
  }
  return sizes;
}

export async function linkImported(entries) {
  for (const entry of entries) {
    const query = { 'source.tracker.id': entry.externalId };
    const card = await Cards.findOneAsync(query);
//                     ^^^^^^^^^^^^^^^^^^ n-plus-one
    if (card) entry.cardId = card._id;
  }
  return Boards.find({ cardIds: { $in: entries.map((entry) => entry.cardId) } }).fetchAsync();
}
