import { and, eq } from 'drizzle-orm';
import db from '../database';
import { board, card } from '../database/schema';
import { publish } from '../events/bus';

export type CardInput = { title: string; boardName: string };

function coerceName(name: string, known: string[]): { name: string; warning?: string } {
  const wanted = name.trim().toLowerCase();
  return known.includes(wanted) ? { name: wanted } : { name: known[0] ?? wanted, warning: `unknown board ${name}` };
}

async function boardNames(boardId: string): Promise<string[]> {
  const rows = await db.select({ name: board.name }).from(board).where(eq(board.id, boardId));
  return rows.map((row) => row.name);
}

export async function importCards(boardId: string, inputs: CardInput[]) {
  const known = await boardNames(boardId);
  const results = [];
  for (const input of inputs) {
    try {
      const { name } = coerceName(input.boardName, known);
      const target = await db.query.board.findFirst({ where: and(eq(board.id, boardId), eq(board.name, name)) });
//                         ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      const created = await db.transaction(async (tx) => {
//                          ^^^^^^^^^^^^^^ n-plus-one
        const [row] = await tx.insert(card).values({ id: crypto.randomUUID(), boardId: target?.id ?? boardId, title: input.title, position: 0 }).returning();
        return row;
      });
      if (created) {
        await publish('card.created', created.id);
        results.push({ ok: true, card: created });
      }
    } catch (error) {
      if (error instanceof TypeError) throw error;
      results.push({ ok: false, error: String(error) });
    }
  }
  return results;
}
