// valid
import database from './database';

export async function getBoardById(boardId: string) {
  return database('boards').select('boardId', 'name').where({ boardId }).first();
}

export async function countVotes(postId: string) {
  return database.count('* as total').from('votes').where('postId', postId).first();
}
