// Of the rows a query read for one owner, a branch that takes the row whose identifying field (`id`, `name`, `slug`)
// equals one value runs at most once: one write, not one per row. A field that sorts rows into kinds, a test that
// skips the match, a value that changes per item, or a list handed in by the caller may match many.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

interface CheckResult {
  jobId: string;
  checkName: string;
  passed: boolean;
}

export async function recordCheck(result: CheckResult): Promise<void> {
  const checks = await prisma.check.findMany({ where: { jobId: result.jobId } });
  for (const check of checks) {
    if (check.name === result.checkName) {
      await prisma.check.update({ where: { id: check.id }, data: { passed: result.passed } });
    }
  }
}

export async function renameStage(boardId: string, stageId: string, title: string): Promise<void> {
  const stages = await prisma.stage.findMany({ where: { boardId } });
  for (const stage of stages) {
    if (stageId === stage.id && stage.title !== title) await prisma.stage.update({ where: { id: stage.id }, data: { title } });
  }
}

export async function closeFailing(jobId: string): Promise<void> {
  const checks = await prisma.check.findMany({ where: { jobId } });
  for (const check of checks) {
    if (check.status === 'failing') {
      await prisma.check.update({ where: { id: check.id }, data: { status: 'closed' } });
      //    ^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }
}

export async function resetOthers(jobId: string, keep: string): Promise<void> {
  const checks = await prisma.check.findMany({ where: { jobId } });
  for (const check of checks) {
    if (check.name !== keep) {
      await prisma.check.update({ where: { id: check.id }, data: { passed: false } });
      //    ^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }
}

export async function markPassed(checks: { id: string; name: string }[], name: string): Promise<void> {
  for (const check of checks) {
    if (check.name === name) {
      await prisma.check.update({ where: { id: check.id }, data: { passed: true } });
      //    ^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }
}

export async function linkOwners(jobId: string): Promise<void> {
  const checks = await prisma.check.findMany({ where: { jobId } });
  for (const check of checks) {
    const owner = await prisma.user.findFirst({ where: { email: check.ownerEmail } });
    //                  ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    if (owner && check.name === owner.name) {
      await prisma.check.update({ where: { id: check.id }, data: { ownerId: owner.id } });
      //    ^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }
}
