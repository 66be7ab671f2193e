import { cache as reactCache } from 'react';
import { prisma } from '../../lib/prisma';
import { displayName, getWorkspaces } from '../../lib/workspace/service';

type Organization = { id: string; name: string };

const getMembership = reactCache((userId: string, organizationId: string) =>
  prisma.membership.findFirst({ where: { userId, organizationId } }),
);

export async function loadHome(userId: string, organizations: Organization[]) {
  const workspaceIds: string[] = [];
  for (const organization of organizations) {
    const workspaces = await getWorkspaces(organization.id);
//                           ^^^^^^^^^^^^^ n-plus-one
    workspaceIds.push(...workspaces.map((workspace) => workspace.id));
  }
  const memberships = await Promise.all(organizations.map((organization) => getMembership(userId, organization.id)));
//                                                                          ^^^^^^^^^^^^^ n-plus-one
  return { workspaceIds, memberships, names: organizations.map((organization) => displayName(organization.name)) };
}
