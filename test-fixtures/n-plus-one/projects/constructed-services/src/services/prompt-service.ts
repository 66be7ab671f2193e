// valid
import type { PrismaClient } from '@prisma/client';

/** Made per request with the request's client (or a transaction). */
export class PromptService {
  constructor(private readonly prisma: PrismaClient) {}

  async resolvePrompt(prompt: { projectId: string; name: string }) {
    const dependencies = await this.prisma.promptDependency.findMany({ where: { projectId: prompt.projectId, parentName: prompt.name } });
    return { ...prompt, dependencies };
  }
}

/** Renders text only. */
export class PromptFormatter {
  render(prompt: { name: string }) {
    return `# ${prompt.name}`;
  }
}
