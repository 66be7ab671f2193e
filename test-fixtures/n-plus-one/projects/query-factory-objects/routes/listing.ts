import type Queries from '../tenants/queries';

export const listMembers = async (queries: Queries, ids: string[]) => {
  const users = await queries.users.findUsersByIds(ids);
  return users.map((user) => queries.users.displayName(user));
};

export const handles = async (queries: Queries, names: string[]) => names.map((name) => queries.users.handleOf(name));

export const ownerWithTeam = async (queries: Queries, ownerId: string, teamIds: string[]) => {
  const owner = await queries.users.findUserById(ownerId);
  return teamIds.map((teamId) => ({ teamId, owner }));
};

export const rolesOf = async (queries: Queries, roleIds: string[]) => {
  const roles = [];
  for (const id of roleIds) {
    roles.push(await queries.roles.findRoleByIdRemembered(id));
//             ^^^^^ await-in-loop
  }
  return roles;
};
