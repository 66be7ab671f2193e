import { Injectable, NotFoundException } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';
import { HistoryService } from '../history/history.service';

export interface CardPatch {
  cardId: string;
  title: string;
}

@Injectable()
export class CardService {
  constructor(
    private readonly database: DatabaseService,
    private readonly history: HistoryService,
  ) {}

  /** Renames many cards of a board: one read of their versions, then a write per card, then one history entry per card. */
  async updateCards(boardId: string, patches: CardPatch[]): Promise<void> {
    if (patches.length === 0) return;
    const cards = await this.database.txClient().card.findMany({
      where: { boardId, id: { in: patches.map((patch) => patch.cardId) } },
      select: { id: true, version: true },
    });
    const versions = new Map(cards.map((card) => [card.id, card.version]));
    for (const patch of patches) {
      await this.database.txClient().card.update({
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
        where: { id: patch.cardId },
        data: { title: patch.title, version: (versions.get(patch.cardId) ?? 0) + 1 },
      });
    }
    await this.history.append(
      `card_${boardId}`,
      patches.map((patch) => ({ docId: patch.cardId, version: versions.get(patch.cardId) ?? 0, change: { title: patch.title } })),
    );
  }

  /** Moves one lane of a board: its row, then its history entry. */
  async updateLane(boardId: string, laneId: string, position: number): Promise<void> {
    const lane = await this.database
      .txClient()
      .lane.findFirstOrThrow({ where: { id: laneId, boardId }, select: { version: true } })
      .catch(() => {
        throw new NotFoundException('lane not found');
      });
    await this.database.txClient().lane.update({ where: { id: laneId }, data: { position, version: lane.version + 1 } });
    await this.history.append(`lane_${boardId}`, [{ docId: laneId, version: lane.version, change: { position } }]);
  }
}
