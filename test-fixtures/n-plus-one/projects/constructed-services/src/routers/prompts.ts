import { auditLog, countEvent } from '../lib/audit-log';
import { prisma } from '../lib/db';
import { PromptFormatter, PromptService } from '../services/prompt-service';

declare function publishChange(prompt: unknown, action: string): Promise<void>;

export async function deletePrompts(projectId: string, names: string[]) {
  const prompts = await prisma.prompt.findMany({ where: { projectId, name: { in: names } } });
  const promptService = new PromptService(prisma);
  await prisma.prompt.deleteMany({ where: { id: { in: prompts.map((prompt) => prompt.id) } } });
  await Promise.all(prompts.map(async (prompt) => publishChange(await promptService.resolvePrompt(prompt), 'deleted')));
//                                                                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
}

export async function exportPrompts(prompts: { projectId: string; name: string }[]) {
  const formatter = new PromptFormatter();
  const texts: string[] = [];
  for (const prompt of prompts) {
    texts.push(formatter.render(prompt));
  }
  return texts;
}

export async function archivePrompts(ids: string[]) {
  await prisma.prompt.updateMany({ where: { id: { in: ids } }, data: { archived: true } });
  await Promise.all(ids.map((id) => auditLog({ resourceId: id, action: 'archived' })));
//                                  ^^^^^^^^ n-plus-one
  for (const id of ids) countEvent(`archived:${id}`);
}
