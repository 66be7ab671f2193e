import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';
import { OpLogService, type Op } from '../history/op-log.service';

@Injectable()
export class BoardLayoutService {
  constructor(
    private readonly database: DatabaseService,
    private readonly opLog: OpLogService,
  ) {}

  async applyOps(boardId: string, ops: Op[]): Promise<void> {
    const { version } = await this.database.txClient().board.findFirstOrThrow({ where: { id: boardId }, select: { version: true } });
    await this.opLog.append(boardId, version, ops);
  }

  async appendOnly(boardId: string, ops: Op[]): Promise<void> {
    await this.opLog.append(boardId, 0, ops);
  }

  async resetBoards(workspaceId: string): Promise<void> {
    const boards = await this.database.txClient().board.findMany({ where: { workspaceId }, select: { id: true } });
    for (let i = 0; i < boards.length; i++) {
      await this.applyOps(boards[i].id, [{ path: 'layout', value: 'grid' }]);
//          ^^^^^^^^^^^^^ n-plus-one
    }
  }

  async archiveBoards(boardIds: string[]): Promise<void> {
    for (const boardId of boardIds) {
      await this.appendOnly(boardId, [{ path: 'archived', value: 'true' }]);
    }
  }
}
