// valid
import { cache } from 'react';
import { prisma } from '../prisma';

export const getWorkspaces = cache(async (organizationId: string) => {
  if (!organizationId) throw new Error('an organization id is required');
  return prisma.workspace.findMany({ where: { organizationId }, orderBy: { name: 'asc' } });
});

export const displayName = cache((name: string) => name.trim().replace(/\s+/g, ' '));
