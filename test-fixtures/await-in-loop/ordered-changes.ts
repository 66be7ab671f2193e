// Changes applied in order to one document: a batch of actions per iteration sent to the same
// receiver, a replay backwards (an undo), a value the object threads from one call to the next,
// and results fed back into the state the next call reads. Independent work on each item, or
// actions sent to a different document per item, is still reported.
type UserAction = [string, ...unknown[]];
interface ApplyResult {
  actionNum: number;
  undo: UserAction[];
  stored: UserAction[];
}
interface Doc {
  applyUserActions(actions: UserAction[], options?: { linkId?: number }): Promise<ApplyResult>;
  fetchTable(tableId: string): Promise<unknown[]>;
}
interface Change {
  tableId: string;
  actions: UserAction[];
}
interface DocData {
  receiveAction(action: UserAction): void;
}
declare function openDoc(docId: string): Promise<Doc>;
declare function notify(userId: string, text: string): Promise<{ messageId: string }>;
declare const engine: { run(actions: UserAction[]): Promise<ApplyResult> };

export class PatchApplier {
  private linkId = 0;

  constructor(
    private readonly doc: Doc,
    private readonly docData: DocData,
  ) {}

  async addRows(tableId: string, rows: Record<string, unknown>[]): Promise<void> {
    for (const row of rows) {
      await this.doc.applyUserActions([['AddRecord', tableId, null, row]]);
    }
  }

  async applyTables(tables: Map<string, Record<string, unknown>[]>): Promise<void> {
    for (const [tableId, rows] of tables) {
      await this.removeAll(tableId, rows);
    }
  }

  private async removeAll(tableId: string, rows: Record<string, unknown>[]): Promise<void> {
    for (const row of rows) await this.removeOne(tableId, row);
  }

  private async removeOne(tableId: string, row: Record<string, unknown>): Promise<void> {
    await this.doc.applyUserActions([['RemoveRecord', tableId, row.id]]);
  }

  /** Each call links its actions to the previous one's. */
  async updateCells(cells: { tableId: string; rowId: number; colId: string; value: unknown }[]): Promise<void> {
    for (const cell of cells) {
      await this.sendLinked([['UpdateRecord', cell.tableId, cell.rowId, { [cell.colId]: cell.value }]]);
    }
  }

  private async sendLinked(actions: UserAction[]): Promise<void> {
    const result = await this.send(actions, this.linkId);
    this.linkId = result.actionNum;
  }

  private send(actions: UserAction[], linkId: number): Promise<ApplyResult> {
    return this.doc.applyUserActions(actions, { linkId });
  }

  async undo(results: ApplyResult[]): Promise<void> {
    results.reverse();
    for (const result of results) {
      await this.apply(result.undo);
    }
  }

  async undoSteps(steps: UserAction[][]): Promise<void> {
    for (let i = steps.length - 1; i >= 0; i--) {
      await this.apply(steps[i]!);
    }
  }

  private apply(actions: UserAction[]): Promise<ApplyResult> {
    return this.doc.applyUserActions(actions);
  }

  async replay(changes: Change[]): Promise<void> {
    for (const change of changes) {
      const applied = await engine.run(change.actions);
      for (const stored of applied.stored) this.docData.receiveAction(stored);
    }
  }

  async exportTables(tableIds: string[]): Promise<unknown[][]> {
    const tables: unknown[][] = [];
    for (const tableId of tableIds) {
      tables.push(await this.doc.fetchTable(tableId));
      //          ^^^^^ await-in-loop
    }
    return tables;
  }
}

export async function stampDocuments(docIds: string[]): Promise<void> {
  for (const docId of docIds) {
    const doc = await openDoc(docId);
    //          ^^^^^ await-in-loop
    await doc.applyUserActions([['UpdateRecord', '_meta', 1, { stamped: true }]]);
  }
}

export async function announce(userIds: string[]): Promise<string[]> {
  const messageIds: string[] = [];
  for (const userId of userIds) {
    const sent = await notify(userId, 'Your document changed');
    //           ^^^^^ await-in-loop
    messageIds.push(sent.messageId);
  }
  return messageIds;
}
