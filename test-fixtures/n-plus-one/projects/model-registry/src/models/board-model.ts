// valid
import type { Filter } from 'mongodb';
import { BaseModel } from './base-model';

export interface Board {
  id: string;
  title: string;
  ownerId: string;
}

export class BoardModel extends BaseModel<Board> {
  protected readonly collectionName = 'boards';

  async getByOwner(ownerId: string) {
    return this._findOne({ ownerId } as Filter<Board>);
  }

  async rename(id: string, title: string) {
    await this._updateOne(id, { title });
  }

  toSummary(board: Board) {
    return `${board.title} (${board.id})`;
  }
}
