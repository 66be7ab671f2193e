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

// Each step's data names a board: the loop reads by data, it runs no step.
export async function boardsOfSteps(boardId: string, steps: { boardName: string }[]) {
  const found = [];
  for (const stepData of steps) {
    const target = await db.query.board.findFirst({ where: and(eq(board.id, boardId), eq(board.name, stepData.boardName)) });
//                       ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    found.push(target);
  }
  return found;
}

// Steps run in the order given: each may depend on the board the one before it renamed.
export async function runSteps(boardId: string, steps: { rename: string }[]) {
  for (const step of steps) {
    const current = await db.query.board.findFirst({ where: eq(board.id, boardId) });
    if (current) await db.update(board).set({ name: `${current.name}/${step.rename}` }).where(eq(board.id, boardId));
  }
}
