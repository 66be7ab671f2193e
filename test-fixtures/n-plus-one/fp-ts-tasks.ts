// fp-ts tasks made once per item and run by a sequence (`T.sequenceArray`, `TE.sequenceSeqArray`) run their queries once per item.
// A task made per item and handed on, not run, runs nothing here.
import { PrismaClient } from '@prisma/client';
import * as A from 'fp-ts/Array';
import * as T from 'fp-ts/Task';
import * as TE from 'fp-ts/TaskEither';
import { flow, pipe } from 'fp-ts/function';

const prisma = new PrismaClient();

interface Member {
  teamId: string;
  userId: string;
}

export const leaveAll = (userId: string) =>
  pipe(
    () => prisma.member.findMany({ where: { userId } }),
    T.chain(
      flow(
        A.map((member: Member) => async () => {
          await prisma.member.delete({ where: { teamId_userId: { teamId: member.teamId, userId } } });
//              ^^^^^^^^^^^^^^^^^^^^ n-plus-one
        }),
        T.sequenceArray,
      ),
    ),
  );

export const ownerCounts = (members: Member[]) =>
  pipe(
    members,
    A.map((member) => () => prisma.member.count({ where: { teamId: member.teamId, role: 'OWNER' } })),
//                          ^^^^^^^^^^^^^^^^^^^ n-plus-one
    T.sequenceArray,
  );

export const renameAll = (names: Array<{ id: string; name: string }>) =>
  TE.sequenceSeqArray(
    names.map((entry) => {
      return TE.tryCatch(
        () => prisma.team.update({ where: { id: entry.id }, data: { name: entry.name } }),
//            ^^^^^^^^^^^^^^^^^^ n-plus-one
        String,
      );
    }),
  );

export const touchAll = (members: Member[]) =>
  T.sequenceArray(
    A.map((member: Member) => async () => {
      await prisma.member.update({ where: { teamId_userId: member }, data: { seenAt: new Date() } });
//          ^^^^^^^^^^^^^^^^^^^^ n-plus-one
    })(members),
  );

export const leaveTasks = (members: Member[]): Array<T.Task<void>> =>
  members.map((member) => async () => {
    await prisma.member.delete({ where: { teamId_userId: member } });
  });

export const firstTeam = (members: Member[]) =>
  pipe(
    members,
    A.map((member) => () => prisma.team.findUnique({ where: { id: member.teamId } })),
    A.head,
  );
