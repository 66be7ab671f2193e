// valid
import { prisma } from './db';

export async function getWorkspaceIdOfForm(formId: string): Promise<string | undefined> {
  const form = await prisma.form.findUnique({ where: { id: formId }, select: { workspaceId: true } });
  return form?.workspaceId;
}

export function signedUrlFor(key: string): string {
  return `https://files.example.com/${encodeURIComponent(key)}`;
}
