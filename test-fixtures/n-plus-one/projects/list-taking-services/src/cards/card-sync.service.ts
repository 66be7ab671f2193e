import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';
import { CardService, type CardPatch } from './card.service';

@Injectable()
export class CardSyncService {
  constructor(
    private readonly database: DatabaseService,
    private readonly cards: CardService,
  ) {}

  /** Trims the title of every card of a board, one call of the list method per card. */
  async trimTitles(boardId: string): Promise<void> {
    const cards = await this.database.txClient().card.findMany({ where: { boardId }, select: { id: true, title: true } });
    for (const card of cards) {
      const { id, title } = card;
      if (title === title.trim()) continue;
      await this.cards.updateCards(boardId, [{ cardId: id, title: title.trim() }]);
//          ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  /** The same, through the items a caller hands over. */
  async renameAll(boardId: string, renames: { id: string; title: string }[]): Promise<void> {
    for (const rename of renames) {
      await this.cards.updateCards(boardId, [{ cardId: rename.id, title: rename.title }]);
//          ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  /** Cards of several boards: each card names its own board. */
  async retitle(stale: { id: string; boardId: string; title: string }[]): Promise<void> {
    for (const card of stale) {
      await this.cards.updateCards(card.boardId, [{ cardId: card.id, title: card.title }]);
//          ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  /** One call for them all: what the list method is for. */
  async renameTogether(boardId: string, renames: { id: string; title: string }[]): Promise<void> {
    const patches: CardPatch[] = renames.map((rename) => ({ cardId: rename.id, title: rename.title }));
    await this.cards.updateCards(boardId, patches);
  }

  /** Puts the lanes of a board in the order given, one lane at a time inside one transaction. */
  async reorderLanes(boardId: string, laneIds: string[]): Promise<void> {
    await this.database.$tx(async () => {
      for (let i = 0; i < laneIds.length; i++) {
        await this.cards.updateLane(boardId, laneIds[i], i);
//            ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      }
    });
  }

  /** Walks lanes where each step may skip the next lane: the counter is threaded through the body. */
  async compactLanes(boardId: string, laneIds: string[], skipped: Set<string>): Promise<void> {
    for (let i = 0; i < laneIds.length; i++) {
      if (skipped.has(laneIds[i])) i++;
      await this.cards.updateLane(boardId, laneIds[i], i);
    }
  }
}
