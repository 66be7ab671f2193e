import { PrismaClient, type Prisma } from '@prisma/client';

const prisma = new PrismaClient();

interface Answer {
  questionId: string;
  value: string;
}

// Every answer is its own INSERT inside the batch: createMany writes them in one.
export async function saveAnswers(responseId: string, answers: Answer[]) {
  await prisma.$transaction(answers.map((answer) => prisma.answer.create({ data: { responseId, questionId: answer.questionId, value: answer.value } })));
//                                                  ^^^^^^^^^^^^^^^^^^^^ n-plus-one
}

// One SELECT per tag, all in one transaction: findMany over the names reads them at once.
export async function findTags(workspaceId: string, names: string[]) {
  const lookups = names.map((name) => prisma.tag.findFirst({ where: { workspaceId, name } }));
//                                    ^^^^^^^^^^^^^^^^^^^^ n-plus-one
  return prisma.$transaction(lookups);
}

// Every archived board gets the same change: one updateMany over the ids.
export async function archiveBoards(boardIds: string[]) {
  const operations: Prisma.PrismaPromise<unknown>[] = [];
  for (const boardId of boardIds) {
    operations.push(prisma.board.update({ where: { id: boardId }, data: { archived: true } }));
//                  ^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  await prisma.$transaction(operations);
}

// Two different statements, written once each: a batch of fixed size, nothing repeats per item.
export async function moveCard(cardId: string, fromListId: string, toListId: string) {
  await prisma.$transaction([
    prisma.list.update({ where: { id: fromListId }, data: { cardCount: { decrement: 1 } } }),
    prisma.list.update({ where: { id: toListId }, data: { cardCount: { increment: 1 } } }),
    prisma.card.update({ where: { id: cardId }, data: { listId: toListId } }),
  ]);
}

// One statement per table to clear, over a list of tables written out: each is a different statement.
export async function clearWorkspace(workspaceId: string) {
  await prisma.$transaction([prisma.card.deleteMany({ where: { workspaceId } }), prisma.list.deleteMany({ where: { workspaceId } })]);
}
