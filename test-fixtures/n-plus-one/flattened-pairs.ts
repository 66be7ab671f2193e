// A `flatMap` whose callback returns a `.map` makes one flat list of calls, one per pair: a query per pair is an N+1 unless
// both lists are short and fixed.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

const STATES = ['draft', 'live'] as const;

interface Board {
  id: string;
  labels: string[];
}

export async function countsPerState(boards: Board[]): Promise<number[]> {
  return Promise.all(boards.flatMap((board) => STATES.map((state) => prisma.card.count({ where: { boardId: board.id, state } }))));
//                                                                   ^^^^^^^^^^^^^^^^^ n-plus-one
}

export async function labelRows(boards: Board[]): Promise<unknown[]> {
  const rows = boards.flatMap((board) => board.labels.map((label) => prisma.label.findFirst({ where: { boardId: board.id, label } })));
//                                                                   ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  return Promise.all([...rows, prisma.board.count()]);
}

export async function stateTotals(): Promise<number[]> {
  return Promise.all(['a', 'b'].flatMap((lane) => STATES.map((state) => prisma.card.count({ where: { lane, state } }))));
}
